import AtlasCore

extension EXRHeader {
    /// The header as metadata: file flags, then every part with its decoded standard attributes and all attributes.
    var metadata: [String: JSONValue] {
        var object: [String: JSONValue] = [
            "version": .int(version),
            "flags": .int(flags),
            "multipart": .bool(isMultipart),
            "tiled": .bool(isSinglePartTiled),
            "long_names": .bool(hasLongNames),
            "non_image": .bool(hasNonImageParts),
            "parts": .array(parts.map { .object($0.metadata) }),
        ]
        if let image = imageSummary { object.merge(image.metadata) { current, _ in current } }
        return object
    }

    /// The first part stands for the file, as OIIO's first subimage does.
    var imageSummary: ImageSummary? {
        guard let part = parts.first, !part.dataWindow.isEmpty else { return nil }
        let types = part.channels.map(\.pixelType)
        return ImageSummary(
            width: part.dataWindow.width, height: part.dataWindow.height,
            channelNames: part.channelNamesInDisplayOrder,
            bitsPerSample: types.map { $0.byteCount * 8 }.max(),
            isFloat: types.contains(.half) || types.contains(.float))
    }
}

extension EXRPart {
    var metadata: [String: JSONValue] {
        var object: [String: JSONValue] = [
            "name": name.map(JSONValue.string) ?? .null,
            "type": .string(typeName),
            "deep": .bool(isDeep),
            "compression": .string(compression.name ?? "unknown"),
            "compression_id": .int(compression.rawValue),
            "data_window": dataWindow.metadata,
            "display_window": displayWindow.metadata,
            "line_order": .string(lineOrder.name),
            "pixel_aspect_ratio": .finite(pixelAspectRatio),
            "channels": .array(channels.map { channel in
                .object([
                    "name": .string(channel.name), "pixel_type": .string(channel.pixelType.name),
                    "x_sampling": .int(channel.xSampling), "y_sampling": .int(channel.ySampling),
                    "perceptually_linear": .bool(channel.perceptuallyLinear),
                ])
            }),
            "layers": .array(Array(Set(channels.map(\.layer))).sorted().map(JSONValue.string)),
            "attributes": .object(Dictionary(attributes.map { ($0.name, $0.metadata) }, uniquingKeysWith: { first, _ in first })),
        ]
        object["tiles"] = tiles.map { tiles in
            .object([
                "width": .int(tiles.width), "height": .int(tiles.height),
                "level_mode": .string(tiles.levelMode.name), "rounding_mode": .string(tiles.roundingMode.name),
            ])
        } ?? .null
        object["chunk_count"] = declaredChunkCount.map { .int($0) } ?? .null
        return object
    }
}

extension EXRBox {
    var metadata: JSONValue {
        .object([
            "x_min": .int(xMin), "y_min": .int(yMin), "x_max": .int(xMax), "y_max": .int(yMax),
            "width": .int(max(0, width)), "height": .int(max(0, height)),
        ])
    }
}

extension EXRAttribute {
    /// `{"type": …, "value": …}`, or `{"type": …, "size": …}` for types kept opaque.
    var metadata: JSONValue {
        guard let value = value.json else { return .object(["type": .string(typeName), "size": .int(byteCount)]) }
        return .object(["type": .string(typeName), "value": value])
    }
}

extension EXRAttributeValue {
    /// The value as JSON; nil for opaque values, which have none.
    var json: JSONValue? {
        switch self {
        case .int(let v): .int(v)
        case .float(let v): .finite(v)
        case .double(let v): .finite(v)
        case .string(let v): .string(v)
        case .strings(let v): .array(v.map(JSONValue.string))
        case .ints(let v): .array(v.map { .int($0) })
        case .floats(let v): .array(v.map { .finite($0) })
        case .doubles(let v): .array(v.map { .finite($0) })
        case .rational(let n, let d): .array([.int(n), .int(d)])
        case .timecode(let time, let user): .object(["time_and_flags": .int(time), "user_data": .int(user)])
        case .compression(let c): .string(c.name ?? "unknown(\(c.rawValue))")
        case .lineOrder(let o): .string(o.name)
        case .tiles(let t):
            .object(["width": .int(t.width), "height": .int(t.height),
                     "level_mode": .string(t.levelMode.name), "rounding_mode": .string(t.roundingMode.name)])
        case .channels(let list): .array(list.map { .string("\($0.name) \($0.pixelType.name)") })
        case .byte(let b): .int(b)
        case .preview(let w, let h): .object(["width": .int(w), "height": .int(h)])
        case .opaque: nil
        }
    }
}
