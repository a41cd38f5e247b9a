// The lesson text next to the optimization plot: the section about the chosen
// optimizer (data-lesson="its name"), or the general one when none is about it,
// as for an optimizer a learner wrote.

/** Shows the lessons about `optimizer`, or the general lesson when there is none. */
export function showLesson(optimizer) {
  const lessons = [...document.querySelectorAll("[data-lesson]")];
  const before = lessons.find((lesson) => !lesson.hidden);
  for (const lesson of lessons) lesson.hidden = lesson.dataset.lesson !== optimizer;
  const general = document.querySelector("[data-lesson-general]");
  if (general) general.hidden = lessons.some((lesson) => !lesson.hidden);
  // The guidance scrolls inside itself on a wide screen: a new lesson starts at its top.
  const shown = lessons.find((lesson) => !lesson.hidden);
  if (shown !== before) general?.parentElement.scrollTo({ top: 0 });
}
