// Copy buttons, copy-link buttons and share buttons. Every button is rendered `hidden` so a page
// without JavaScript shows plain, selectable text; this script reveals them and does the work.
// Results are announced through the page's single live region (#announcer).

function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Clear first so the same message twice in a row is announced again.
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 30);
}

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Older browsers and plain-http previews: a temporary textarea and execCommand.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}

function textFor(button: HTMLElement): string | null {
  if (button.dataset['copy'] !== undefined) return button.dataset['copy'];
  const href = button.dataset['copyHref'];
  if (href !== undefined) return new URL(href, window.location.href).href;
  return null;
}

async function onClick(event: MouseEvent): Promise<void> {
  const target =
    event.target instanceof Element
      ? event.target.closest<HTMLElement>('[data-copy],[data-copy-href],[data-share-href]')
      : null;
  if (!target) return;
  const shareHref = target.dataset['shareHref'];
  if (shareHref !== undefined) {
    const url = new URL(shareHref, window.location.href).href;
    try {
      // The title is the question: the heading the button is described by, or the page's h1.
      const heading =
        document.getElementById(target.getAttribute('aria-describedby') ?? '') ?? document.querySelector('h1');
      await navigator.share({ title: heading?.textContent?.trim() || document.title, url });
    } catch {
      /* The user closed the share sheet: nothing to report. */
    }
    return;
  }
  const text = textFor(target);
  if (text === null) return;
  try {
    await writeClipboard(text);
    announce(target.dataset['copied'] ?? 'Copied');
  } catch {
    announce('Could not copy. Select the text and copy it by hand.');
  }
}

export function enhanceButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLElement>('[data-copy],[data-copy-href]')) button.hidden = false;
  if (typeof navigator.share === 'function') {
    for (const button of root.querySelectorAll<HTMLElement>('[data-share-href]')) button.hidden = false;
  }
}

document.addEventListener('click', (event) => {
  void onClick(event);
});
enhanceButtons();
