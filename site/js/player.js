// Play/pause for the replay: advances one iteration at a time at a chosen speed.

/** Returns {toggle(), stop(), playing()}; step() is called each tick and returns false at the end. */
export function createPlayer({ stepsPerSecond, step, onChange }) {
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
