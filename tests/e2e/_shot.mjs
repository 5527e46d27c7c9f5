import { start, open, settled, shots } from "./harness.mjs";
const { server, browser } = await start();
const { page } = await open(browser, server, process.argv[2] || "", { width: 360, height: 740 });
await settled(page);
for (const [i, sel] of ["figure[data-chart=yearly]", "figure[data-chart=timeline]", "figure[data-chart=flows]"].entries()) {
  await page.locator(sel).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/phone-${i}.png` });
}
await browser.close(); server.close();
