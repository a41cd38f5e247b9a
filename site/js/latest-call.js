// Calls for which only the latest answer matters (a slider dragged, a field typed into): one at a
// time, a newer call replaces one still waiting, and the replaced ones settle as superseded.

const SUPERSEDED = "Superseded";

/** True for the error of a call that a newer call of the same latest() caller replaced. */
export function isSuperseded(error) {
  return error?.name === SUPERSEDED;
}

function supersededError() {
  const details = { type: SUPERSEDED, line: null, hint: "", message: "A newer request replaced this one." };
  return Object.assign(new Error(details.message), { name: SUPERSEDED, details });
}

/**
 * A caller, through `call` (python-client's), for which only its latest call counts: one call
 * at a time, a newer call replaces one still waiting, and a call made before the latest rejects
 * with an error that isSuperseded() recognises (callers ignore it). caller.cancel() supersedes
 * the call in flight or waiting too.
 */
export function latestOf(call) {
  let ticket = 0;
  let busy = false;
  let waiting = null;

  // A call that is not the latest any more is settled as superseded, never left hanging:
  // code that awaits it (a page getting ready) goes on.
  const supersede = (waiter) => waiter?.reject(supersededError());

  function next() {
    if (busy || !waiting) return;
    const { mine, method, args, options, resolve, reject } = waiting;
    waiting = null;
    busy = true;
    call(method, args, options)
      .then((value) => (mine === ticket ? resolve(value) : supersede({ reject })),
        (error) => (mine === ticket ? reject(error) : supersede({ reject })))
      .finally(() => {
        busy = false;
        next();
      });
  }

  function caller(method, args = {}, options = {}) {
    return new Promise((resolve, reject) => {
      supersede(waiting);
      waiting = { mine: ++ticket, method, args, options, resolve, reject };
      next();
    });
  }
  caller.cancel = () => {
    ticket++;
    supersede(waiting);
    waiting = null;
  };
  return caller;
}
