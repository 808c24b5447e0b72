// The digest's search, its articles opened on demand, and its stories' buttons to them. Each article's full view waits in a
// <template> until opened, so a page of 1,000 articles builds no view nobody opens; page.js
// links the items and marks of the views once they are in. Writes text with textContent and
// copies only this page's own templates, never markup from elsewhere.
(() => {
  const cards = [...document.querySelectorAll("article.card")];
  const feeds = [...document.querySelectorAll("section.feed")];
  const input = document.getElementById("search");
  const shown = document.getElementById("shown");
  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  let index = null; // each card's words and its whole view's (the article's text among them)
  const words = () => {
    index ??= cards.map((card) => {
      const inside = card.querySelector("template").content.textContent;
      return fold(card.textContent + " " + inside);
    });
    return index;
  };
  const filter = () => {
    const wanted = fold(input.value).split(/\s+/).filter(Boolean);
    const texts = wanted.length ? words() : null;
    let matching = 0;
    cards.forEach((card, i) => {
      const match = texts === null || wanted.every((word) => texts[i].includes(word));
      card.hidden = !match;
      if (match) matching += 1;
    });
    for (const feed of feeds) feed.hidden = !feed.querySelector("article.card:not([hidden])");
    shown.textContent = texts
      ? `${matching} of ${cards.length} articles match`
      : `${cards.length} articles`;
    shown.dataset.for = input.value.trim(); // what the count is for (tests wait on it)
  };
  let pending = 0;
  input.addEventListener("input", () => {
    clearTimeout(pending);
    pending = setTimeout(filter, 60);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      filter();
    }
  });
  document.addEventListener("click", (event) => {
    const goto = event.target instanceof Element ? event.target.closest("button.goto") : null;
    if (goto) { // a story's article: its card below, shown and opened
      const card = document.getElementById(goto.dataset.card);
      if (card.hidden) {
        input.value = "";
        filter();
      }
      const open = card.querySelector("button.open");
      if (open.getAttribute("aria-expanded") !== "true") open.click();
      card.scrollIntoView({ block: "start" });
      return;
    }
    const button = event.target instanceof Element ? event.target.closest("button.open") : null;
    if (!button) return;
    const card = button.closest("article.card");
    const view = card.querySelector("[data-view]");
    if (!view.firstElementChild) view.append(card.querySelector("template").content.cloneNode(true));
    const opening = view.hidden;
    view.hidden = !opening;
    button.setAttribute("aria-expanded", String(opening));
    button.dataset.label ??= button.textContent; // the page's own words for opening
    button.textContent = opening ? "Hide the article" : button.dataset.label;
  });
})();
