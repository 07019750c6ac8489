import AtlasCore

/// Recognises an image that is a lat-long environment (an HDRI light rig): a floating-point EXR or
/// Radiance HDR whose `envmap` attribute says lat-long, or, without the attribute, whose data window is
/// exactly twice as wide as it is high.
enum HDRILightRig {
    /// Smaller "environments" are icons or test patterns, not light rigs.
    static let minimumHeight = 8
    /// The OpenEXR `envmap` attribute's values.
    static let envmapLatLong = 0, envmapCube = 1

    /// `{"kind": "hdri_latlong", "width", "height", "detected_by"}`, or nil when the image is not one.
    static func detect(format: FileFormat, image: ImageSummary?, metadata: [String: JSONValue]) -> JSONValue? {
        guard format == .openEXR || format == .radianceHDR, let image, image.isFloat else { return nil }
        let detectedBy: String
        switch envmap(in: metadata) {
        case envmapLatLong?: detectedBy = "envmap_attribute"
        case envmapCube?: return nil
        default:
            guard image.width == 2 * image.height, image.height >= minimumHeight else { return nil }
            detectedBy = "aspect_ratio"
        }
        return .object(["kind": "hdri_latlong", "width": .int(image.width), "height": .int(image.height),
                        "detected_by": .string(detectedBy)])
    }

    /// The first EXR part's `envmap` attribute value, as the EXR handler's metadata holds it.
    private static func envmap(in metadata: [String: JSONValue]) -> Int? {
        guard case .array(let parts)? = metadata["parts"], case .object(let part)? = parts.first,
              case .object(let attributes)? = part["attributes"], case .object(let envmap)? = attributes["envmap"],
              case .number(let value)? = envmap["value"] else { return nil }
        return Int(value)
    }
}
