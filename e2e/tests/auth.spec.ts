import { expect, type Page, test } from '@playwright/test';
import { demoPassword } from './helpers/api';

test.use({ locale: 'en-GB' });

async function signIn(page: Page, email: string, password = demoPassword) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a coordinator signs in and sees name, role and site, but no admin links', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, 'coordinator@demo.edc');

  const header = page.getByRole('banner');
  await expect(header).toContainText('Can Coordinator');
  await expect(header).toContainText('Study coordinator');
  await expect(header).toContainText('S01');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Participants' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sites' })).toHaveCount(0);
  // Sign-in lands on the record status grid, the coordinator's daily work.
  await expect(page).toHaveURL(/\/grid$/);
  await expect(page.getByRole('heading', { name: 'Record status', level: 1 })).toBeVisible();
  // The start page still shows the study and the server's health when signed in.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('low back pain');
  await expect(page.getByTestId('health-status')).toContainText('reachable');

  // An admin page typed into the address bar is refused in the UI as well as by the API.
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Not available for your role' })).toBeVisible();
});

test('a wrong password shows the error and keeps the visitor signed out', async ({ page }) => {
  await page.goto('/login');
  await signIn(page, 'coordinator@demo.edc', 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('The email or password is not correct');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('Email')).toHaveValue('coordinator@demo.edc');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
});

test('invalid input is shown beside the field, linked for assistive technology', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const email = page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Enter an email address, e.g. name@example.org.');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(
    'Fill in this field.',
  );
});

test('a protected page sends the visitor to sign in and back again', async ({ page }) => {
  await page.goto('/participants');
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, 'monitor@demo.edc');
  await expect(page).toHaveURL(/\/participants$/);
  await expect(page.getByRole('heading', { name: 'Participants' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
    'Record status',
    'Participants',
    'Dashboard',
    'Queries',
    'Audit trail',
    'Exports',
  ]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/participants');
  await expect(page).toHaveURL(/\/login$/);
});

test('the language chosen on the sign-in page is kept after sign-in, and the switch is saved', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('Language').selectOption('tr');
  await expect(page.getByRole('heading', { name: 'Giriş yap' })).toBeVisible();
  await page.getByLabel('E-posta').fill('investigator@demo.edc');
  await page.getByLabel('Parola', { exact: true }).fill(demoPassword);
  // The Turkish chosen before signing in wins over the profile's English, and becomes the profile's.
  const kept = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/locale') && r.status() === 204);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await kept;
  await expect(page.getByRole('banner')).toContainText('Araştırmacı');

  // The switch applies at once and is saved in the background: wait for the save itself.
  const reset = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/locale') && r.status() === 204);
  await page.getByLabel('Dil').selectOption('en');
  await reset;
  await expect(page.getByRole('banner')).toContainText('Investigator');

  // Signed out, the sign-in page speaks the language last chosen.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
