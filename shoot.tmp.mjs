import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync'] });
const [,, path, w, h, scheme, out, full] = process.argv;
const p = await b.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme });
await p.goto('http://127.0.0.1:4321' + path);
await p.screenshot({ path: out, fullPage: full === 'full' });
await b.close();
