/// One entry of a node's `errors` in a `/prompt` 400, or the top-level `error`:
/// `{type, message, details, extra_info}` in that order, as ComfyUI builds them.
enum ValidationIssue {
    static func make(_ type: String, _ message: String, details: String, extra: JSONObject = JSONObject()) -> JSON {
        ["type": .string(type), "message": .string(message), "details": .string(details), "extra_info": .object(extra)]
    }

    static func requiredInputMissing(_ name: String) -> JSON {
        make("required_input_missing", "Required input is missing", details: name, extra: ["input_name": .string(name)])
    }

    static func badLinkedInput(_ spec: InputSpec, received: JSON) -> JSON {
        make("bad_linked_input", "Bad linked input, must be a length-2 list of [node_id, slot_index]", details: spec.name,
             extra: ["input_name": .string(spec.name), "input_config": spec.config, "received_value": received])
    }

    static func returnTypeMismatch(_ spec: InputSpec, receivedType: String, link: JSON) -> JSON {
        make("return_type_mismatch", "Return type mismatch between linked nodes",
             details: "\(spec.name), received_type(\(receivedType)) mismatch input_type(\(PythonText.str(spec.type)))",
             extra: ["input_name": .string(spec.name), "input_config": spec.config, "received_type": .string(receivedType),
                     "linked_node": link])
    }

    static func invalidInputType(_ spec: InputSpec, received: JSON, exception: PythonException) -> JSON {
        make("invalid_input_type", "Failed to convert an input value to a \(PythonText.str(spec.type)) value",
             details: "\(spec.name), \(PythonText.str(received)), \(exception.message)",
             extra: ["input_name": .string(spec.name), "input_config": spec.config, "received_value": received,
                     "exception_message": .string(exception.message)])
    }

    static func outOfRange(_ spec: InputSpec, value: JSON, bound: JSON, below: Bool) -> JSON {
        let relation = below ? "smaller than min" : "bigger than max"
        return make(below ? "value_smaller_than_min" : "value_bigger_than_max",
                    "Value \(PythonText.str(value)) \(relation) of \(PythonText.str(bound))", details: spec.name,
                    extra: ["input_name": .string(spec.name), "input_config": spec.config, "received_value": value])
    }

    static func notInList(_ spec: InputSpec, value: JSON, options: [JSON]) -> JSON {
        // Lists longer than 20 (scanned model files) are not sent back.
        let listText = options.count > 20 ? "(list of length \(options.count))" : PythonText.repr(.array(options))
        return make("value_not_in_list", "Value not in list", details: "\(spec.name): \(PythonText.repr(value)) not in \(listText)",
                    extra: ["input_name": .string(spec.name), "input_config": options.count > 20 ? .null : spec.config,
                            "received_value": value])
    }

    static func customValidationFailed(_ name: String, reason: String) -> JSON {
        make("custom_validation_failed", "Custom validation failed for node", details: "\(name) - \(reason)",
             extra: ["input_name": .string(name)])
    }

    static func exceptionDuringInnerValidation(_ spec: InputSpec, link: JSON, exception: PythonException) -> JSON {
        make("exception_during_inner_validation", "Exception when validating inner node", details: exception.message,
             extra: ["input_name": .string(spec.name), "input_config": spec.config, "exception_message": .string(exception.message),
                     "exception_type": .string(exception.type), "traceback": PythonTraceback.validation(exception), "linked_node": link])
    }

    static func exceptionDuringValidation(_ exception: PythonException) -> JSON {
        make("exception_during_validation", "Exception when validating node", details: exception.message,
             extra: ["exception_type": .string(exception.type), "traceback": PythonTraceback.validation(exception)])
    }
}
