// The replay controls: play/pause advancing one iteration at a time at a chosen
// speed, and the slider and arrow keys that move the same position.

/** Returns {toggle(), stop(), playing()}; step() is called each tick and returns false at the end. */
function createPlayer({ stepsPerSecond, step, onChange }) {
  let timer = null;

  function tick() {
    if (!step()) stop();
  }

  function start() {
    timer = setInterval(tick, 1000 / stepsPerSecond());
    onChange(true);
  }

  function stop() {
    if (timer === null) return;
    clearInterval(timer);
    timer = null;
    onChange(false);
  }

  return {
    toggle() {
      if (timer === null) start();
      else stop();
    },
    /** Applies a new speed to a running replay. */
    restart() {
      if (timer === null) return;
      clearInterval(timer);
      timer = setInterval(tick, 1000 / stepsPerSecond());
    },
    stop,
    playing: () => timer !== null,
  };
}

/**
 * Wires a page's replay controls to one position: the slider, Play/Pause at the chosen
 * speed, and the ← → keys while the page is shown and no field has the focus.
 * length() is the number of positions (0 without a run); setPosition(i) moves there.
 * Returns the player, so the page can stop it when its run changes.
 */
export function attachReplayControls({ page, slider, playButton, speedSelect, length, position, setPosition }) {
  const player = createPlayer({
    stepsPerSecond: () => Number(speedSelect.value),
    step: () => {
      if (position() >= length() - 1) return false;
      setPosition(position() + 1);
      return position() < length() - 1;
    },
    onChange: (playing) => {
      playButton.textContent = playing ? "Pause" : "Play";
    },
  });
  slider.addEventListener("input", () => setPosition(Number(slider.value)));
  playButton.addEventListener("click", () => {
    // At the end already: play again from the start.
    if (length() && position() >= length() - 1 && !player.playing()) setPosition(0);
    player.toggle();
  });
  speedSelect.addEventListener("change", () => player.restart());
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest?.("input, select, textarea, [contenteditable]");
    if (!length() || typing || page.hidden) return;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      player.stop();
      setPosition(position() + (event.key === "ArrowRight" ? 1 : -1));
    }
  });
  return player;
}
