// Where a frame sits on a sequence's contact sheet. The server (ContactSheetCommand) lays up to
// 16 evenly spaced readable frames out in a grid as square as possible and wider than tall,
// every tile one size, 8 px between tiles and none around them; so the cells can be found
// again from the sheet's size alone.

const MAX_FRAMES = 16;
const PADDING = 8;

/** Up to 16 items spread evenly from the first to the last, as the server picks them. */
export function evenlySpaced(items, count = MAX_FRAMES) {
  if (items.length <= count || count <= 1) return items.slice(0, Math.max(count, 0));
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]);
}

function grid(count) {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { columns, rows: Math.max(1, Math.ceil(count / columns)) };
}

/**
 * The frames the sheet shows and a function giving, for any frame, the nearest one shown and
 * its cell in sheet pixels.
 * @param {number[]} readableFrames frames the server could read, ascending
 */
export function contactSheetLayout(readableFrames) {
  const shown = evenlySpaced(readableFrames);
  const { columns, rows } = grid(shown.length);
  return {
    shown,
    /** The nearest frame on the sheet to `frame` and its rectangle, given the sheet's natural size. */
    cellFor(frame, sheetWidth, sheetHeight) {
      let index = 0;
      shown.forEach((candidate, i) => { if (Math.abs(candidate - frame) < Math.abs(shown[index] - frame)) index = i; });
      const width = (sheetWidth - PADDING * (columns - 1)) / columns;
      const height = (sheetHeight - PADDING * (rows - 1)) / rows;
      const column = index % columns, row = Math.floor(index / columns);
      return {
        frame: shown[index],
        crop: { x: column * (width + PADDING), y: row * (height + PADDING), width, height },
      };
    },
  };
}
