// What a file is, told before it is sent: the format its name claims (AtlasFormats'
// FileExtension), the format its first bytes show (FormatSniffer, binary formats only), and
// the problems `atlas ingest` rejects a file for that can be seen that cheaply: an empty file,
// a name claiming a format its bytes are not. Deeper checks (truncation, corrupt headers) are
// the server's: its inspection of the new version reports them per file.

const CATEGORY = {
  exr: "image", png: "image", jpeg: "image", tiff: "image", hdr: "image",
  usda: "scene", usdc: "scene", usdz: "scene", gltf: "geometry", glb: "geometry", obj: "geometry",
  fbx_binary: "geometry", fbx_ascii: "geometry", mtl: "material", mtlx: "material", zip: "archive",
};

const DISPLAY = {
  exr: "OpenEXR", png: "PNG", jpeg: "JPEG", tiff: "TIFF", hdr: "Radiance HDR", usda: "USD text (usda)",
  usdc: "USD crate (usdc)", usdz: "USDZ package", zip: "zip archive", glb: "glTF binary (GLB)",
};

/** The formats a name may hold, by extension; the first is the one assumed until the bytes say. */
const CLAIMS = {
  exr: ["exr"], sxr: ["exr"], png: ["png"], jpg: ["jpeg"], jpeg: ["jpeg"], jpe: ["jpeg"], jfif: ["jpeg"],
  tif: ["tiff"], tiff: ["tiff"], tx: ["tiff", "exr"], tex: ["tiff", "exr"], hdr: ["hdr"], rgbe: ["hdr"], pic: ["hdr"],
  usda: ["usda"], usdc: ["usdc"], usd: ["usda", "usdc"], usdz: ["usdz", "zip"], zip: ["zip", "usdz"],
  gltf: ["gltf"], glb: ["glb"], fbx: ["fbx_binary", "fbx_ascii"], obj: ["obj"], mtl: ["mtl"], mtlx: ["mtlx"],
};

const ascii = (text) => [...text].map((c) => c.charCodeAt(0));
/** Magic bytes of the formats that have them (FormatSniffer's order). */
const MAGIC = [
  ["exr", [0x76, 0x2f, 0x31, 0x01]],
  ["png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["jpeg", [0xff, 0xd8, 0xff]],
  ["tiff", [0x49, 0x49, 0x2a, 0x00]], ["tiff", [0x4d, 0x4d, 0x00, 0x2a]],
  ["tiff", [0x49, 0x49, 0x2b, 0x00]], ["tiff", [0x4d, 0x4d, 0x00, 0x2b]],
  ["hdr", ascii("#?RADIANCE")], ["hdr", ascii("#?RGBE")],
  ["usdc", ascii("PXR-USDC")], ["usda", ascii("#usda")], ["glb", ascii("glTF")],
  ["fbx_binary", ascii("Kaydara FBX Binary")], ["zip", [0x50, 0x4b, 0x03, 0x04]],
];
const SNIFF_LENGTH = 20;

/**
 * What `path`'s extension claims, or null when Atlas has no opinion on it (`notes.txt`).
 * @param {string} path
 * @returns {{extension: string, claims: string[], format: string, category: string} | null}
 */
export function fileFormat(path) {
  const name = path.split("/").pop();
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return null;
  const extension = name.slice(dot + 1).toLowerCase();
  const claims = CLAIMS[extension];
  if (!claims) return null;
  // A name that allows two formats (`.usd`, `.fbx`, `.tx`) assumes none: the bytes decide.
  return { extension, claims, format: claims.length === 1 ? claims[0] : null, category: CATEGORY[claims[0]] };
}

function sniff(bytes) {
  for (const [format, magic] of MAGIC) {
    if (magic.every((byte, i) => bytes[i] === byte)) return format;
  }
  return null;
}

const hasMagic = (format) => MAGIC.some(([f]) => f === format);

/**
 * Checks `file` (at `path` in the drop) the way ingest rejects files before sending them.
 * @returns {Promise<{format: string|null, category: string|null, issue: {code: string, detail: string}|null}>}
 */
export async function checkFile(file, path) {
  const claimed = fileFormat(path);
  const result = { format: claimed?.format ?? null, category: claimed?.category ?? null, issue: null };
  if (file.size === 0) {
    result.issue = { code: "file_empty", detail: "the file is empty (0 bytes)" };
    return result;
  }
  let bytes;
  try {
    bytes = new Uint8Array(await file.slice(0, SNIFF_LENGTH).arrayBuffer());
  } catch (error) {
    result.issue = { code: "read_failed", detail: `the file could not be read: ${error.message}` };
    return result;
  }
  // A USDZ is a zip whose first entry is a USD layer; the server looks inside, the name is trusted here.
  const found = claimed?.extension === "usdz" && sniff(bytes) === "zip" ? "usdz" : sniff(bytes);
  if (found) {
    result.format = found;
    result.category = CATEGORY[found];
  } else if (claimed && claimed.claims.every(hasMagic)) {
    // Text formats are told by their opening lines, which only the server reads: only a
    // name claiming a binary format can be caught here.
    const names = claimed.claims.map((f) => DISPLAY[f] ?? f).sort().join(" or ");
    result.issue = { code: "format_unrecognized", detail: `named .${claimed.extension} but the content is not ${names}` };
  }
  return result;
}
