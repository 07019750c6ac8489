/// Tracebacks in ComfyUI's error bodies are `traceback.format_tb` lists of strings. The stand-in
/// runs no Python, so it gives frames shaped like the recorded ones, naming the stand-in.
enum PythonTraceback {
    static func validation(_ exception: PythonException) -> JSON {
        .strings([
            "  File \"<comfyui>/execution.py\", line 1069, in validate_prompt\n    m = await validate_inputs(prompt_id, prompt, o, validated)\n",
            "  File \"<comfyui-standin>/validation\", in validate_inputs\n    raise \(exception.type)(\(PythonText.repr(exception.message)))\n",
        ])
    }

    static func execution(_ exception: PythonException, classType: String) -> JSON {
        .strings([
            "  File \"<comfyui>/execution.py\", line 527, in execute\n    output_data, output_ui, has_subgraph, has_pending_tasks = await get_output_data(prompt_id, unique_id, obj, input_data_all)\n",
            "  File \"<comfyui-standin>/\(classType)\", in run\n    raise \(exception.type)(\(PythonText.repr(exception.message)))\n",
        ])
    }
}
