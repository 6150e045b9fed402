import { expect, test, type Page } from '@playwright/test';
import { AppPage } from '../support/app-page';

const screenshotDir = 'e2e/screenshots';

test('an investigator searches a phone, grows the graph, finds the path to a wallet and filters by date', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.openDemoInRussian('Граф');
  await expect(page.getByTestId('graph-start')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: `${screenshotDir}/graph-start.ru.png`, animations: 'disabled' });

  // The drop's phone, as the shop's payment page shows it.
  await page.getByTestId('graph-search').fill('8 702 945 68 70');
  await page.getByTestId('graph-hits').getByRole('menuitem').first().click();
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
  const count = page.locator('.mt-graph-toolbar .bp6-tag');
  await expect(count).toContainText('мест:');
  // 400 buyers paid the drop: they come as one collection node, not a hairball.
  const nodes = async () => Number(/мест: (\d+)/.exec(await count.innerText())?.[1] ?? 0);
  expect(await nodes()).toBeLessThan(40);
  await page.screenshot({ path: `${screenshotDir}/graph-seed.ru.png`, animations: 'disabled' });

  // Select the drop (the seed) and grow two hops towards the recipients.
  await clickNode(page, (n) => n.data('seed') === true);
  await expect(page.getByTestId('graph-details')).toBeVisible();
  await page.getByTestId('path-from').click();
  await page.getByTestId('expand-out-2').click();
  await expect.poll(nodes, { timeout: 30_000 }).toBeGreaterThan(4);

  // Find the collector's wallet and ask for the path to it, forward in time.
  await page.getByTestId('graph-search').fill('TAo1a7');
  await page.getByTestId('graph-hits').getByRole('menuitem').first().click();
  await expect(page.getByTestId('path-to')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('path-to').click();
  await expect
    .poll(() => page.evaluate('window.__mtGraph?.onPath ?? 0'), { timeout: 30_000 })
    .toBeGreaterThan(3);
  await page.screenshot({ path: `${screenshotDir}/graph-path.ru.png`, animations: 'disabled' });

  // A flow edge lists its transfers with the statement rows.
  await clickEdge(page);
  await expect(page.getByTestId('edge-transfers')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('edge-evidence').first()).toBeVisible();

  // The investigator's own group: the wallet and the drop become one
  // collection of two.
  const collections = () => page.evaluate(`window.__mtGraph.cy.nodes('[type = "collection"]').length`);
  const groupsBefore = (await collections()) as number;
  await clickNode(page, (n) => String(n.data('label') ?? '').startsWith('TAo1a7'));
  await page.getByTestId('graph-pick-group').click();
  await clickNode(page, (n) => n.data('seed') === true);
  await page.getByTestId('graph-pick-group').click();
  await expect(page.getByTestId('graph-group')).toContainText('2');
  await page.getByTestId('graph-group').click();
  await expect.poll(collections, { timeout: 30_000 }).toBe(groupsBefore + 1);
  await page.screenshot({ path: `${screenshotDir}/graph-grouped.ru.png`, animations: 'disabled' });
  await page.getByTestId('graph-undo').click();
  await expect.poll(collections, { timeout: 30_000 }).toBe(groupsBefore);

  // Filter by date with the timeline: drag across its first half.
  const brush = page.getByTestId('timeline-brush');
  const box = await brush.boundingBox();
  if (!box) throw new Error('no timeline');
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('timeline-clear')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${screenshotDir}/graph-filtered.ru.png`, animations: 'disabled' });

  const download = page.waitForEvent('download');
  await page.getByTestId('graph-save-png').click();
  const file = await download;
  const saved = `test-results/graph-export.png`;
  await file.saveAs(saved);
  expect(file.suggestedFilename()).toBe('graph.png');

  // Drawing path: this machine has only software GL, so the usual canvas is the default and the
  // switch says why; WebGL can still be chosen and draws the same places.
  const webgl = page.getByTestId('graph-webgl');
  const drawnNodes = () =>
    page.evaluate(
      () =>
        (window as unknown as { __mtGraph: { cy: { nodes: () => unknown[] } } }).__mtGraph.cy.nodes().length,
    );
  await expect(webgl).not.toBeChecked();
  await expect(webgl).toHaveAttribute('title', /программный GL/);
  const drawn = await drawnNodes();
  await webgl.click({ force: true });
  await expect(webgl).toBeChecked();
  await expect.poll(drawnNodes, { timeout: 30_000 }).toBe(drawn);
  await page.screenshot({ path: `${screenshotDir}/graph-webgl.ru.png`, animations: 'disabled' });
  await webgl.click({ force: true });
  await expect(webgl).not.toBeChecked();
  await expect.poll(drawnNodes, { timeout: 30_000 }).toBe(drawn);

  // Save the view in the case, reload (the demo case is encrypted: it asks for its passphrase
  // again) and reopen it: the same places, where they were.
  const before = await nodes();
  await page.getByTestId('graph-views').click();
  await page.getByTestId('graph-view-save').click();
  await page.getByTestId('graph-view-name').fill('Дроп → кошелёк сборщика');
  await page.getByTestId('graph-view-confirm').click();
  await expect(page.getByTestId('graph-view-name')).toBeHidden();
  await page.reload();
  await page.getByRole('button', { name: 'Все дела' }).click();
  await page.getByTestId('case-row').first().click();
  await app.unlock('moneytrail demo');
  await page.getByRole('tab', { name: 'Граф' }).click();
  await expect(page.getByTestId('graph-start')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('graph-views').click();
  await expect(page.getByTestId('graph-view-open')).toHaveCount(1);
  await expect(page.getByTestId('graph-view-open')).toContainText('Дроп → кошелёк сборщика');
  await page.screenshot({ path: `${screenshotDir}/graph-views-menu.ru.png`, animations: 'disabled' });
  await page.getByTestId('graph-view-open').click();
  await expect(page.getByTestId('graph-canvas')).toBeVisible({ timeout: 30_000 });
  await expect.poll(nodes, { timeout: 30_000 }).toBe(before);
  await page.screenshot({ path: `${screenshotDir}/graph-view-reopened.ru.png`, animations: 'disabled' });

  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

test('a buyer who paid from a card and an account is drawn once, tied to both by dashed holds links', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.openDemoInRussian('Граф');
  await expect(page.getByTestId('graph-start')).toBeVisible({ timeout: 60_000 });

  // The drops' statements name this buyer with one IIN on two places (a card and an IBAN the
  // statements never join): search by name, open one, then put the other on screen.
  const hits = page.getByTestId('graph-hits').getByRole('menuitem');
  await page.getByTestId('graph-search').fill('Омаров Ерлан Сергейович');
  await expect(hits).toHaveCount(2);
  await hits.first().click();
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
  await page.getByTestId('graph-search').fill('Омаров Ерлан Сергейович');
  await expect(hits).toHaveCount(2);
  await hits.nth(1).click();

  const holders = () => page.evaluate(`window.__mtGraph.cy.nodes('[type = "holder"]').length`);
  await expect.poll(holders, { timeout: 30_000 }).toBe(1);
  const drawn = (await page.evaluate(`(() => {
    const cy = window.__mtGraph.cy;
    const holder = cy.nodes('[type = "holder"]')[0];
    return {
      label: holder.data('label'),
      links: holder.connectedEdges().map((e) => ({
        type: e.data('type'),
        style: e.style('line-style'),
        arrow: e.style('target-arrow-shape'),
        label: e.style('label'),
      })),
    };
  })()`)) as { label: string; links: { type: string; style: string; arrow: string; label: string }[] };
  expect(drawn.label).toContain('Омаров Ерлан Сергейович');
  expect(drawn.label).toContain('ИИН 721226304440');
  expect(drawn.links).toHaveLength(2);
  for (const link of drawn.links)
    expect(link).toEqual({ type: 'holds', style: 'dashed', arrow: 'none', label: '' });

  // Clicking the holder lists the places they hold, with the statements that say so.
  await clickNode(page, (n) => n.data('type') === 'holder');
  await expect(page.getByTestId('graph-holder-details')).toBeVisible();
  await expect(page.getByTestId('graph-holder-places').getByRole('menuitem')).toHaveCount(2);
  await expect(page.getByTestId('graph-holder-places')).toContainText('указан контрагентом');
  await page.screenshot({ path: `${screenshotDir}/graph-holder.ru.png`, animations: 'disabled' });

  // A holds link says why, and that it is not money.
  const mid = (await page.evaluate(`(() => {
    const cy = window.__mtGraph.cy;
    const p = cy.edges('[type = "holds"]')[0].renderedMidpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  })()`)) as { x: number; y: number };
  await page.mouse.click(mid.x, mid.y);
  await expect(page.getByTestId('graph-holds-evidence')).toContainText('указан контрагентом в выписк');

  // The toolbar switch takes the holders off the screen and brings them back.
  await page.getByTestId('graph-holders').click({ force: true });
  await expect.poll(holders, { timeout: 30_000 }).toBe(0);
  await page.getByTestId('graph-holders').click({ force: true });
  await expect.poll(holders, { timeout: 30_000 }).toBe(1);

  expect(app.foreignRequests()).toEqual([]);
  expect(app.problems).toEqual([]);
});

type NodeTest = (node: { data: (key: string) => unknown }) => boolean;

/** Clicks the first rendered node passing `test`, at its position on screen. */
async function clickNode(page: Page, test: NodeTest): Promise<void> {
  const point = await page.evaluate(`(() => {
    const cy = window.__mtGraph?.cy;
    const test = ${test.toString()};
    const node = cy.nodes().filter((n) => test(n))[0];
    const p = node.renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  })()`);
  const { x, y } = point as { x: number; y: number };
  await page.mouse.click(x, y);
}

async function clickEdge(page: Page): Promise<void> {
  const point = await page.evaluate(`(() => {
    const cy = window.__mtGraph?.cy;
    const edge = cy.edges('[?onPath]')[0] ?? cy.edges()[0];
    const p = edge.renderedMidpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  })()`);
  const { x, y } = point as { x: number; y: number };
  await page.mouse.click(x, y);
}
