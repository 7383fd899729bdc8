// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
  vi.resetModules();
});

const sections = [{ id: 'china', name: 'China', order: 1, descriptionHtml: '' }];

async function renderFrame(ads: boolean) {
  const { PageFrame } = await import('@/components/site/PageFrame');
  render(
    <PageFrame sections={sections} currentSectionId="china" ads={ads}>
      <p>Story text</p>
    </PageFrame>,
  );
}

describe('PageFrame', () => {
  it('shows the header, a top banner slot and the main content', async () => {
    await renderFrame(true);
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main');
    expect(screen.getByRole('main').textContent).toBe('Story text');
    expect(screen.getByRole('complementary', { name: 'Advertisement' })).toBeTruthy();
    const current = screen.getAllByRole('link', { name: 'China' }).filter((link) => link.getAttribute('aria-current') === 'page');
    expect(current.length).toBeGreaterThan(0);
  });

  it.each(['phone', 'desktop'] as const)(
    'reserves, before any ad arrives, the height of the tallest top banner the inventory serves on a %s',
    async (breakpoint) => {
      const { reservedAdHeight } = await import('@/lib/ads/inventory');
      const tallest = reservedAdHeight('top-banner', breakpoint);
      expect(tallest).toBeGreaterThan(0);
      await renderFrame(true);
      const banner = screen.getByRole('complementary', { name: 'Advertisement' });
      // The stylesheet sizes the slot's space from these properties at each breakpoint.
      const space = banner.querySelector<HTMLElement>('.ad-slot__space');
      expect(space?.style.getPropertyValue(`--ad-${breakpoint}`)).toBe(`${tallest}px`);
    },
  );

  it('shows no ad slot on a page that must carry none', async () => {
    await renderFrame(false);
    expect(screen.queryByRole('complementary', { name: /Advertisement/ })).toBeNull();
  });

  it('shows no ad slot anywhere with NEXT_PUBLIC_ADS=off', async () => {
    vi.stubEnv('NEXT_PUBLIC_ADS', 'off');
    vi.resetModules();
    await renderFrame(true);
    expect(screen.queryByRole('complementary', { name: /Advertisement/ })).toBeNull();
  });
});
