// The page object every sim spec shares: open a sim and wait for it to hydrate, read its state, predict, play by mouse or keyboard, read its code.
import { expect, type Page } from '@playwright/test';

/** Moves focus with Tab until the focused control's name matches (a button's text, or a field's label), or fails. */
export async function tabTo(page: Page, name: string | RegExp, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      if (el.tagName === 'BUTTON' || el.tagName === 'SUMMARY') return (el.textContent ?? '').trim();
      return (el.closest('label')?.textContent ?? el.getAttribute('aria-label') ?? '').trim();
    });
    if (typeof name === 'string' ? label === name : name.test(label)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no control named ${name} reached by Tab`);
}

export class SimPage {
  constructor(
    readonly page: Page,
    readonly path: string,
    readonly sim: string,
  ) {}

  get root() {
    return this.page.locator(`[data-sim="${this.sim}"]`);
  }

  /** Opens the lesson with a query and waits until the island has hydrated (it hydrates when scrolled into view). */
  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.path}${query}`);
    await this.page.locator('.sim-embed').scrollIntoViewIfNeeded();
    await expect(this.page.locator('.sim-embed.sim-live')).toHaveCount(1, { timeout: 30_000 });
    await expect(this.root).toHaveAttribute('data-state', /.+/);
  }

  state(): Promise<string | null> {
    return this.root.getAttribute('data-state');
  }

  async expectState(state: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', state);
  }

  async predict(label: string | RegExp): Promise<void> {
    await this.root.locator('[data-predict]').getByLabel(label).check();
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start the quarter' }).click();
  }

  /** Pauses a run that is playing; a short run may already have reached its review, which is fine. */
  async pauseIfPlaying(): Promise<void> {
    const pause = this.page.getByRole('button', { name: 'Pause' });
    if (await pause.isVisible()) await pause.click({ timeout: 3_000 }).catch(() => undefined);
  }

  /**
   * Plays to the review with the mouse: `advance` names the button that runs the clock, and `decide` picks a button at each
   * decision (the first enabled one of `decide`'s names).
   */
  async playToReview(advance: string, decide: string[], limit = 120): Promise<void> {
    for (let i = 0; i < limit; i++) {
      const state = await this.state();
      if (state === 'review') return;
      if (state === 'decision') {
        for (const name of decide) {
          const button = this.page.getByRole('button', { name });
          if (await button.isEnabled()) {
            await button.click();
            break;
          }
        }
        // The clock may stop at an outage, or the run end, while a click waits: give up the click and read the state again.
      } else
        await this.page
          .getByRole('button', { name: advance })
          .click({ timeout: 5_000 })
          .catch(() => undefined);
    }
    throw new Error('the run never reached its review');
  }

  async resultCode(): Promise<string> {
    const code = this.page.locator('[data-result-code]');
    await expect(code).toHaveValue(/^SS2-/);
    return code.inputValue();
  }
}

declare global {
  interface Window {
    __minChartText?: number;
  }
}

/**
 * Records on every animation frame the smallest chart text as rendered (its font size times the SVG's scale), from the
 * page's first frame, so a chart painted even once before it was measured is caught. Call before opening the page.
 */
export async function watchChartText(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    window.__minChartText = Infinity;
    const frame = () => {
      for (const text of document.querySelectorAll('.sim-chart svg text')) {
        const svg = text.closest('svg')!;
        const drawn = svg.viewBox.baseVal?.width;
        const shown = svg.getBoundingClientRect().width;
        if (drawn && shown) window.__minChartText = Math.min(window.__minChartText!, parseFloat(getComputedStyle(text).fontSize) * (shown / drawn));
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return () => page.evaluate(() => window.__minChartText ?? Infinity);
}
