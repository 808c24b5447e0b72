// Links each briefing item to the article's words it rests on. Reads only ids and labels this
// page's own code wrote; writes text with textContent, never as markup.
(() => {
  const items = [...document.querySelectorAll("li[data-item]")];
  const marks = [...document.querySelectorAll("mark[data-items]")];
  const rests = document.getElementById("rests");
  const marksOf = new Map();
  for (const mark of marks) {
    for (const id of mark.dataset.items.split(" ")) {
      if (!marksOf.has(id)) marksOf.set(id, []);
      marksOf.get(id).push(mark);
    }
  }
  const itemOf = new Map(items.map((item) => [item.dataset.item, item]));
  const clear = () => {
    for (const el of document.querySelectorAll(".active")) el.classList.remove("active");
  };
  const showItem = (item, scroll) => {
    clear();
    item.classList.add("active");
    const found = marksOf.get(item.dataset.item) || [];
    for (const mark of found) mark.classList.add("active");
    if (scroll && found.length) found[0].scrollIntoView({ block: "center" });
  };
  const showMark = (mark) => {
    clear();
    mark.classList.add("active");
    const resting = mark.dataset.items.split(" ").map((id) => itemOf.get(id)).filter(Boolean);
    for (const item of resting) item.classList.add("active");
    rests.textContent = "Rests on these words: " + resting.map((i) => i.dataset.label).join("; ");
    if (resting.length) resting[0].scrollIntoView({ block: "nearest" });
  };
  const onEnter = (el, act) =>
    el.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        act();
      }
    });
  for (const item of items) {
    if (item.classList.contains("ungrounded")) continue;
    item.addEventListener("click", () => showItem(item, true));
    item.addEventListener("mouseenter", () => showItem(item, false));
    item.addEventListener("focus", () => showItem(item, false));
    onEnter(item, () => showItem(item, true));
  }
  for (const mark of marks) {
    mark.addEventListener("click", () => showMark(mark));
    onEnter(mark, () => showMark(mark));
  }
})();
