// The /clients/ filter box (progressive enhancement): the box is rendered hidden, so without
// JavaScript the page is the complete grouped list. Typing narrows the list to entries whose name,
// other names, kind or group contain every typed word, hides empty groups, and says in the box's
// live region how many match. What is typed stays on the page. The rule is src/lib/site/filter.ts.
import { filterMatches, filterWords } from '../lib/site/filter.ts';

const box = document.querySelector<HTMLElement>('[data-client-filter]');
const input = box?.querySelector('input');
const count = box?.querySelector<HTMLElement>('[role="status"]');
if (box && input && count) {
  const items = [...document.querySelectorAll<HTMLElement>('li[data-filter]')];
  const total = items.length;
  let timer = 0;
  const apply = () => {
    const words = filterWords(input.value.slice(0, 200));
    let shown = 0;
    for (const li of items) {
      const hit = filterMatches(li.dataset['filter']!, words);
      li.hidden = !hit;
      if (hit) shown++;
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-filter-group], [data-filter-section]'))
      el.hidden = !el.querySelector('li[data-filter]:not([hidden])');
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      count.textContent = words.length
        ? shown
          ? `${shown} of ${total} match.`
          : `None of the ${total} match. Try another name, or a kind such as library or NAS.`
        : '';
    }, 300);
  };
  input.addEventListener('input', apply);
  box.hidden = false;
  if (input.value) apply();
}
