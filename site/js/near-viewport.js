// Which elements are near the screen: in the viewport or within one screen height above or below
// it, for work that can wait until the learner scrolls towards it. An element of a hidden page
// is never near; it becomes near when its page is shown, if it lies within that reach.

/** Watches `elements`; onChange() runs whenever one comes near or goes away. */
export function watchNearViewport(elements, onChange) {
  const near = new Set();
  // A percentage margin is of the viewport's own size: one screen height above and below.
  const observer = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting } of entries) {
      if (isIntersecting) near.add(target);
      else near.delete(target);
    }
    onChange();
  }, { rootMargin: "100% 0px" });
  for (const element of elements) observer.observe(element);
  return {
    /** Whether `element` is near the screen now. */
    isNear: (element) => near.has(element),
    /** Stops watching `element` (its work is done). */
    forget(element) {
      observer.unobserve(element);
      near.delete(element);
    },
  };
}
