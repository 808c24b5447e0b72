// Links each briefing item to the article's words it rests on, in every view on the page (one
// on an article's page; one per opened article on a digest, added after load), so it listens
// on the document and looks ids up within the view the event came from. Reads only ids and
// labels this page's own code wrote; writes text with textContent, never as markup.
(() => {
  const ITEM = "li[data-item]:not(.ungrounded)";
  const MARK = "mark[data-items]";
  let settling = 0; // until then, a scroll we made is moving items under a still pointer
  const clear = (view) => {
    for (const el of view.querySelectorAll(".active")) el.classList.remove("active");
  };
  const showItem = (item, scroll) => {
    const view = item.closest("[data-view]");
    clear(view);
    item.classList.add("active");
    const found = view.querySelectorAll(`mark[data-items~="${item.dataset.item}"]`);
    for (const mark of found) mark.classList.add("active");
    if (scroll && found.length) {
      found[0].scrollIntoView({ block: "center" });
      settling = performance.now() + 600;
    }
  };
  const showMark = (mark) => {
    const view = mark.closest("[data-view]");
    clear(view);
    mark.classList.add("active");
    const resting = mark.dataset.items
      .split(" ")
      .map((id) => view.querySelector(`li[data-item="${id}"]`))
      .filter(Boolean);
    for (const item of resting) item.classList.add("active");
    const rests = view.querySelector(".rests");
    rests.textContent = "Rests on these words: " + resting.map((i) => i.dataset.label).join("; ");
    if (resting.length) resting[0].scrollIntoView({ block: "nearest" });
  };
  const choose = (target) => {
    const item = target.closest(ITEM);
    if (item) showItem(item, true);
    const mark = item ? null : target.closest(MARK);
    if (mark) showMark(mark);
    return Boolean(item || mark);
  };
  const within = (event) => (event.target instanceof Element ? event.target : null);
  document.addEventListener("click", (event) => {
    const target = within(event);
    if (target) choose(target);
  });
  document.addEventListener("keydown", (event) => {
    const target = within(event);
    if ((event.key === "Enter" || event.key === " ") && target && choose(target)) {
      event.preventDefault();
    }
  });
  const preview = (event) => {
    if (event.type === "mouseover" && performance.now() < settling) return;
    const item = within(event)?.closest(ITEM);
    if (item && !item.classList.contains("active")) showItem(item, false);
  };
  document.addEventListener("mouseover", preview);
  document.addEventListener("focusin", preview);
})();
