// A keyboard-only walk through the home page: a sensible tab order and a visible focus indicator.
import { test, expect } from './fixtures.ts';

interface Stop {
  tag: string;
  name: string;
  outline: string;
  outlineWidth: number;
  boxShadow: string;
  top: number;
}

test('tabbing through the home page visits skip link, navigation, copy buttons, then the checker in order, always with visible focus', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('#checker[data-prepared="true"]')).toBeAttached();
  const stops: Stop[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return {
        tag: el.tagName.toLowerCase(),
        name: (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim().slice(0, 60),
        outline: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        boxShadow: style.boxShadow,
        top: el.getBoundingClientRect().top + window.scrollY,
      };
    });
    if (!stop) break;
    stops.push(stop);
  }
  const names = stops.map((s) => s.name);
  // The order a sighted keyboard user expects: skip link, brand and navigation, the settings' copy
  // buttons, then the checker's fields in reading order.
  expect(names[0]).toBe('Skip to content');
  const order = [
    'Skip to content',
    'Home',
    'Copy SMTP server',
    'Copy IMAP server',
    'Your iCloud Mail email address',
    'Outgoing port',
    'Outgoing server (optional)',
    'Security you chose (optional)',
    'Your email app or client',
  ];
  const positions = order.map((n) => names.indexOf(n));
  expect(
    positions.every((p) => p >= 0),
    `missing stops in ${JSON.stringify(names)}`,
  ).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // Focus moves down the page, never jumps back up (within the main flow).
  const mainStops = stops.slice(names.indexOf('Copy SMTP server'), names.indexOf('Your email app or client') + 1);
  // (Fields side by side in one row may differ by a wrapped label: allow one line of slack.)
  for (let i = 1; i < mainStops.length; i++)
    expect(mainStops[i]!.top).toBeGreaterThanOrEqual(mainStops[i - 1]!.top - 48);
  // Every stop shows a focus indicator.
  for (const s of stops)
    expect(s.outline !== 'none' && s.outlineWidth >= 2, `no visible focus on ${s.tag} "${s.name}"`).toBe(true);
});

test('with reduced motion preferred, nothing animates or transitions', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  const moving = await page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .map((el) => getComputedStyle(el))
        .filter(
          (s) =>
            (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0) || parseFloat(s.transitionDuration) > 0,
        ).length,
  );
  expect(moving).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).not.toBe('smooth');
});
