// Which dropped files become one asset, decided in the browser before anything is sent.
// Mirrors the server's rules so a folder uploaded here makes the same assets `atlas ingest`
// makes: frame numbers as AtlasFormats' FrameNumberedName reads them, sequences as its
// SequenceDetector groups them (per folder, images only), names as the ingest's AssetNaming.
import { fileFormat } from "./file-check.js";

/** Frame numbers are at most this many digits, so a date or a hash is not taken for one. */
const MAX_DIGITS = 9;
/** `FieldRules.maxNameLength`. */
const MAX_NAME = 200;

const isSeparator = (c) => c === "." || c === "_";
const isDigit = (c) => c >= "0" && c <= "9";

/**
 * A file name split around its frame number, or null: `shots/plate_v003.1001.exr` is prefix
 * `shots/plate_v003.`, frame text `1001`, suffix `.exr`. The number ends the name before its
 * extension and follows `.` or `_` (or starts the name); an optional `-` makes it negative.
 * @param {string} fileName
 * @returns {{prefix: string, frameText: string, frame: number, suffix: string} | null}
 */
export function frameNumberedName(fileName) {
  const c = [...fileName];
  const start = c.lastIndexOf("/") + 1;
  let extensionStart = c.length;
  const dot = c.lastIndexOf(".");
  if (dot > start) extensionStart = dot;
  let digitsStart = extensionStart;
  while (digitsStart > start && isDigit(c[digitsStart - 1])) digitsStart -= 1;
  const digitCount = extensionStart - digitsStart;
  if (digitCount < 1 || digitCount > MAX_DIGITS) return null;
  let numberStart = digitsStart;
  if (numberStart > start && c[numberStart - 1] === "-" && (numberStart - 1 === start || isSeparator(c[numberStart - 2]))) {
    numberStart -= 1;
  }
  if (numberStart !== start && !isSeparator(c[numberStart - 1])) return null;
  const frameText = c.slice(numberStart, extensionStart).join("");
  return { prefix: c.slice(0, numberStart).join(""), frameText, frame: Number(frameText) + 0, suffix: c.slice(extensionStart).join("") };
}

const digitsOf = (name) => (name.frameText.startsWith("-") ? name.frameText.slice(1) : name.frameText);
const hasLeadingZero = (name) => digitsOf(name).length > 1 && digitsOf(name).startsWith("0");

/**
 * Groups file names into sequences (two or more frames) and singles, as SequenceDetector does:
 * by prefix and suffix; numbers written with leading zeros fix the padding, a wider number
 * without them still belongs, numbers of mixed widths without them make an unpadded sequence.
 * @param {string[]} fileNames
 * @returns {{sequences: {prefix: string, padding: number, suffix: string, files: Map<number, string>}[], singles: string[]}}
 */
export function detectSequences(fileNames) {
  const groups = new Map();
  const singles = [];
  for (const fileName of fileNames) {
    const name = frameNumberedName(fileName);
    if (!name) { singles.push(fileName); continue; }
    const key = `${name.prefix}\u0000${name.suffix}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push({ ...name, fileName });
  }
  const sequences = [];
  for (const names of groups.values()) {
    for (const [padding, members] of splitByPadding(names)) {
      const files = new Map();
      const duplicates = [];
      // Two names for one frame (`-0` and `0`) cannot both be frames; the later one stays single.
      for (const member of members) {
        if (files.has(member.frame)) duplicates.push(member.fileName); else files.set(member.frame, member.fileName);
      }
      if (files.size >= 2) {
        sequences.push({ prefix: members[0].prefix, padding, suffix: members[0].suffix, files });
        singles.push(...duplicates);
      } else {
        singles.push(...members.map((member) => member.fileName));
      }
    }
  }
  return { sequences, singles };
}

function splitByPadding(names) {
  const paddedWidths = [...new Set(names.filter(hasLeadingZero).map((n) => digitsOf(n).length))].sort((a, b) => a - b);
  const buckets = new Map();
  const unpadded = [];
  for (const name of names) {
    const width = hasLeadingZero(name)
      ? digitsOf(name).length
      : paddedWidths.filter((w) => w <= digitsOf(name).length).pop();
    if (width === undefined) { unpadded.push(name); continue; }
    if (!buckets.has(width)) buckets.set(width, []);
    buckets.get(width).push(name);
  }
  const result = paddedWidths.filter((w) => buckets.has(w)).map((w) => [w, buckets.get(w)]);
  if (unpadded.length) {
    const widths = new Set(unpadded.map((n) => digitsOf(n).length));
    // All one width (1001…1100) reads as padded to that width; mixed widths (9, 10, 11) as unpadded.
    const only = [...widths][0];
    result.push([widths.size === 1 && only > 1 ? only : 0, unpadded]);
  }
  return result;
}

/** `plate.####.exr`, or `plate.@.exr` when unpadded (SequencePattern.hashNotation). */
export const hashNotation = ({ prefix, padding, suffix }) => prefix + (padding === 0 ? "@" : "#".repeat(padding)) + suffix;

/** Sorted frames as the compact text artists read: `1001-1004,1006,1008-1010`. */
export function frameRangeText(frames) {
  const ranges = [];
  for (const frame of frames) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] + 1 === frame) last[1] = frame; else ranges.push([frame, frame]);
  }
  return ranges.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(",");
}

const bounded = (name) => [...name].slice(0, MAX_NAME).join("");

/** `chair.usda` → `chair`; `plate.1001.exr` on its own → `plate.1001`. */
export function singleName(fileName) {
  const dot = fileName.lastIndexOf(".");
  return bounded(dot > 0 ? fileName.slice(0, dot) : fileName);
}

/** `plate.` → `plate`; a sequence named by its numbers alone (`####.exr`) takes its folder's name. */
export function sequenceName(prefix, folder) {
  const trimmed = prefix.replace(/^[._\- ]+|[._\- ]+$/g, "");
  if (trimmed) return bounded(trimmed);
  const folderName = folder.split("/").pop();
  return folderName ? bounded(folderName) : "sequence";
}

/** The asset type of a single file, by the category of the format its name claims. */
export function typeOf(category) {
  return { image: "texture", scene: "geometry", geometry: "geometry", material: "material" }[category] ?? "other";
}

const folderOf = (path) => path.split("/").slice(0, -1).join("/");
const baseName = (path) => path.split("/").pop();

/** The deepest folder holding every path ("" when they share none). */
function commonFolder(paths) {
  let common = null;
  for (const path of paths) {
    const parts = path.split("/").slice(0, -1);
    if (common === null) { common = parts; continue; }
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same += 1;
    common = common.slice(0, same);
  }
  return (common ?? []).join("/");
}

/**
 * The assets `entries` make: each folder's image sequences, then every other file on its own,
 * ordered by source. A member's path inside the version is relative to the folder its group's
 * files share. `format` is what the sniffed bytes said, else what the name claims.
 * @param {{file: File, path: string, format?: string|null, category?: string|null}[]} entries
 * @returns {{source: string, name: string, type: string, format: string|null, kind: "sequence"|"single",
 *            frames: string|null, members: {path: string, entry: object}[]}[]}
 */
export function planAssets(entries) {
  const groups = [];
  const claimed = new Set();
  const images = entries.filter((e) => (e.category ?? fileFormat(e.path)?.category) === "image");
  const byFolder = new Map();
  for (const entry of images) {
    const folder = folderOf(entry.path);
    if (!byFolder.has(folder)) byFolder.set(folder, new Map());
    byFolder.get(folder).set(baseName(entry.path), entry);
  }
  for (const [folder, byName] of byFolder) {
    for (const sequence of detectSequences([...byName.keys()]).sequences) {
      const frames = [...sequence.files.keys()].sort((a, b) => a - b);
      const members = frames.map((frame) => byName.get(sequence.files.get(frame)));
      members.forEach((entry) => claimed.add(entry));
      const pattern = hashNotation(sequence);
      groups.push({
        ...group(members, "sequence"),
        source: folder ? `${folder}/${pattern}` : pattern,
        name: sequenceName(sequence.prefix, folder),
        type: "sequence",
        frames: frameRangeText(frames),
      });
    }
  }
  for (const entry of entries) {
    if (!claimed.has(entry)) groups.push(group([entry], "single"));
  }
  return groups.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

function group(entries, kind) {
  const root = entries[0];
  const base = commonFolder(entries.map((e) => e.path));
  const claims = fileFormat(root.path);
  return {
    source: root.path,
    name: singleName(baseName(root.path)),
    type: typeOf(root.category ?? claims?.category),
    format: root.format ?? claims?.format ?? null,
    kind,
    frames: null,
    members: entries.map((entry) => ({ path: base ? entry.path.slice(base.length + 1) : entry.path, entry })),
  };
}
