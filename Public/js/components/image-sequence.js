// The image sequence a version's preview shows, found from its file names as the server's
// PreviewSubject finds it: image files per folder grouped as SequenceDetector groups them (the
// upload's mirror of it), the sequence with the most frames winning. File names reach every
// role, so a Client's scrubber works without the inspection (which is for source readers).
import { detectSequences, hashNotation } from "../upload/sequence-grouping.js";
import { fileFormat } from "../upload/file-check.js";

/** Formats a browser shows as they are. */
const BROWSER_FORMATS = new Set(["png", "jpeg"]);

/**
 * The longest image sequence among `paths` (two frames or more), or null.
 * @param {string[]} paths
 * @returns {{pattern: string, padding: number, frames: number[], first: number, last: number,
 *   missingRanges: number[][], missingCount: number, isMissing: (frame: number) => boolean,
 *   fileOf: (frame: number) => string|undefined, browserReadable: boolean}|null}
 */
export function longestSequence(paths) {
  const byFolder = new Map();
  for (const path of [...paths].sort()) {
    if (fileFormat(path)?.category !== "image") continue;
    const slash = path.lastIndexOf("/");
    const folder = path.slice(0, slash + 1);
    if (!byFolder.has(folder)) byFolder.set(folder, []);
    byFolder.get(folder).push(path.slice(slash + 1));
  }
  let best = null;
  for (const [folder, names] of byFolder) {
    for (const sequence of detectSequences(names).sequences) {
      if (sequence.files.size > (best?.sequence.files.size ?? 0)) best = { folder, sequence };
    }
  }
  return best && describe(best.folder, best.sequence);
}

function describe(folder, sequence) {
  const frames = [...sequence.files.keys()].sort((a, b) => a - b);
  // Gaps as ranges: a sequence of frames 1 and 900000 must not list every frame between.
  const missingRanges = [];
  for (let i = 1; i < frames.length; i += 1) {
    if (frames[i] - frames[i - 1] > 1) missingRanges.push([frames[i - 1] + 1, frames[i] - 1]);
  }
  return {
    pattern: folder + hashNotation(sequence),
    padding: sequence.padding,
    frames,
    first: frames[0],
    last: frames.at(-1),
    missingRanges,
    missingCount: missingRanges.reduce((sum, [a, b]) => sum + b - a + 1, 0),
    isMissing: (frame) => frame >= frames[0] && frame <= frames.at(-1) && !sequence.files.has(frame),
    fileOf: (frame) => (sequence.files.has(frame) ? folder + sequence.files.get(frame) : undefined),
    browserReadable: BROWSER_FORMATS.has(fileFormat(sequence.files.get(frames[0]))?.format),
  };
}

/** A frame number written with the sequence's padding (1001, 0042). */
export function frameLabel(sequence, frame) {
  const digits = String(Math.abs(frame)).padStart(sequence.padding, "0");
  return frame < 0 ? `-${digits}` : digits;
}
