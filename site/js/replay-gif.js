// An animated GIF of a replay, for slides: every iteration drawn by the page's own
// drawing code onto an off-screen canvas, then encoded with gifenc (from npm).
import { GIFEncoder, applyPalette, quantize } from "gifenc";
import { download } from "./export.js";

const MAX_WIDTH = 720;
const FRAME_DELAY_MS = 100;
const LAST_FRAME_DELAY_MS = 2000;
// Frames are encoded in small batches, so the page stays responsive and shows progress.
const FRAMES_PER_BATCH = 5;

/**
 * Draws frames 0..frameCount-1 with drawFrame(ctx, width, height, i) at the canvas's
 * shape (at most MAX_WIDTH wide) on `background`, and offers the GIF as `fileName`.
 * The button shows the progress and is disabled meanwhile. Resolves to the GIF's bytes.
 */
export async function exportReplayGif({ button, canvas, frameCount, drawFrame, background, fileName }) {
  const label = button.textContent;
  button.disabled = true;
  try {
    const width = Math.min(MAX_WIDTH, Math.round(canvas.clientWidth));
    const height = Math.round((width * canvas.clientHeight) / canvas.clientWidth);
    const surface = new OffscreenCanvas(width, height);
    const ctx = surface.getContext("2d", { willReadFrequently: true });
    const render = (i) => {
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, width, height);
      drawFrame(ctx, width, height, i);
      return ctx.getImageData(0, 0, width, height).data;
    };
    // One palette for the whole animation, from its first, middle and last frames, so
    // colours do not flicker from frame to frame.
    const samples = [0, Math.floor(frameCount / 2), frameCount - 1].map(render);
    const combined = new Uint8ClampedArray(samples.reduce((sum, sample) => sum + sample.length, 0));
    samples.reduce((offset, sample) => (combined.set(sample, offset), offset + sample.length), 0);
    // 255 colours and one "unchanged" entry: after the first frame only the pixels that
    // changed are stored, the rest are transparent over the frame before, which keeps the
    // file small (the heat map would otherwise be stored 101 times).
    const palette = [...quantize(combined, 255), [0, 0, 0]].slice(0, 256);
    const unchanged = palette.length - 1;
    const gif = GIFEncoder();
    let previous = null;
    for (let i = 0; i < frameCount; i++) {
      const index = applyPalette(render(i), palette.slice(0, unchanged));
      const delay = i === frameCount - 1 ? LAST_FRAME_DELAY_MS : FRAME_DELAY_MS;
      if (previous === null) {
        gif.writeFrame(index, width, height, { palette, delay, repeat: 0 });
      } else {
        const changes = index.map((value, pixel) => (value === previous[pixel] ? unchanged : value));
        gif.writeFrame(changes, width, height, { delay, transparent: true, transparentIndex: unchanged, dispose: 1 });
      }
      previous = index;
      if (i % FRAMES_PER_BATCH === FRAMES_PER_BATCH - 1) {
        button.textContent = `Making the GIF… ${Math.round((100 * (i + 1)) / frameCount)} %`;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    gif.finish();
    const bytes = gif.bytes();
    download(new Blob([bytes], { type: "image/gif" }), fileName);
    return bytes;
  } finally {
    button.textContent = label;
    button.disabled = false;
  }
}
