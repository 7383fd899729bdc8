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
  it('shows the header, a reserved top banner slot and the main content', async () => {
    await renderFrame(true);
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main');
    expect(screen.getByRole('main').textContent).toBe('Story text');
    const banner = screen.getByRole('complementary', { name: 'Advertisement' });
    const space = banner.querySelector<HTMLElement>('.ad-slot__space');
    expect(space?.style.getPropertyValue('--ad-phone')).toBe('100px');
    expect(space?.style.getPropertyValue('--ad-desktop')).toBe('250px');
    const current = screen.getAllByRole('link', { name: 'China' }).filter((link) => link.getAttribute('aria-current') === 'page');
    expect(current.length).toBeGreaterThan(0);
  });

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
