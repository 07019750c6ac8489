/// How scene-linear images (EXR, HDR, float TIFF) become display images without clipping.
///
/// A straight linear → sRGB conversion clips everything above 1.0, so a sky at 4.0 and a
/// specular highlight at 40.0 both turn flat white. Atlas uses a Reinhard curve scaled so that
/// scene mid-grey stays where it was: `y = k·x / (1 + k·x)` with `k = 1 / (1 − 0.18)`, which maps
/// 0.18 → 0.18, 1.0 → 0.55, 2.0 → 0.71, 8.0 → 0.91 and approaches 1.0 only at infinity. No value
/// clips, and every stop above diffuse white keeps some gradation. It was chosen over
/// `oiiotool --rangecompress`, which keeps shadows exactly but still clips above about 20.0.
/// The result is then encoded linear → sRGB. Negative values and NaN/Inf are made black first.
public enum ViewTransform {
    /// The curve's gain: puts mid-grey (0.18) back at 0.18 after the curve.
    public static let gain = 1 / (1 - 0.18)

    /// oiiotool arguments applying the transform to the image on top of the stack. With
    /// `keepingAlpha`, the image is R, G, B, A (premultiplied) and alpha passes through untouched.
    public static func arguments(keepingAlpha: Bool) -> [String] {
        let curve = ["--fixnan", "black", "--clamp:min=0", "--mulc", String(format: "%.6f", gain), "--dup", "--addc", "1", "--div",
                     "--colorconvert", "linear", "sRGB"]
        guard keepingAlpha else { return curve }
        // The curve applies to straight colour, so alpha is divided out first and multiplied back
        // after (writers of straight-alpha formats such as PNG divide it out again).
        // Stack [rgba] → [a, rgb] → curve on rgb → [rgb', a] → [rgb'a].
        return ["--unpremult", "--dup", "--ch", "A", "--swap", "--ch", "R,G,B"] + curve + ["--swap", "--chappend", "--premult"]
    }
}
