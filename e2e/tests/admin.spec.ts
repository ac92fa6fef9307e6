import { expect, type Page, test } from '@playwright/test';
import { demoPassword } from './helpers/api';
import { signIn, signInByApi } from './helpers/ui';

test.use({ locale: 'en-GB' });

function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@demo.edc`;
}

async function openCreateUserForm(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New user' }).click();
}

async function fillCreateUserForm(page: Page, user: { email: string; name: string; password: string }) {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Full name').fill(user.name);
  await page.getByLabel('Role').selectOption({ label: 'Study coordinator' });
  await page.getByLabel(/S01/).check();
  await page.getByLabel('Temporary password').fill(user.password);
}

test('an admin creates a user, who must change the temporary password at first sign-in', async ({ page }) => {
  const email = uniqueEmail('new-coordinator');
  const temporary = 'Quartz-Lantern-Ferry-58';
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/');
  await openCreateUserForm(page);
  await fillCreateUserForm(page, { email, name: 'Hakan Newuser', password: temporary });
  await page.getByRole('button', { name: 'Create user' }).click();

  await expect(page.getByRole('status')).toContainText('Hakan Newuser was created');
  // The temporary password stays on screen until the admin says it was handed over.
  await expect(page.getByTestId('temporary-password')).toHaveText(temporary);
  await page.getByRole('button', { name: 'I have handed it over — hide it' }).click();
  await expect(page.getByTestId('temporary-password')).toBeHidden();
  const row = page.getByRole('row', { name: /Hakan Newuser/ });
  await expect(row).toContainText('Study coordinator');
  await expect(row).toContainText('S01');
  await expect(row).toContainText('Must change password');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(temporary);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole('heading', { name: 'Change your password' })).toBeVisible();
  // Nothing else is reachable until the password is changed.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.goto('/participants');
  await expect(page).toHaveURL(/\/change-password$/);

  await page.getByLabel('Current password').fill(temporary);
  await page.getByLabel('New password', { exact: true }).fill('My-own-pass-42');
  await page.getByLabel('Repeat the new password').fill('My-own-pass-42');
  await page.getByRole('button', { name: 'Change password' }).click();

  await expect(page).toHaveURL(/\/$/);
  const header = page.getByRole('banner');
  await expect(header).toContainText('Hakan Newuser');
  await expect(header).toContainText('Study coordinator');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }),
  ).toBeVisible();
});

test('a refusal from the API is shown beside the field it concerns', async ({ page }) => {
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/');
  await openCreateUserForm(page);
  await fillCreateUserForm(page, {
    email: 'coordinator@demo.edc',
    name: 'Duplicate Person',
    password: 'Harbor-Violet-Compass-38',
  });
  await page.getByRole('button', { name: 'Create user' }).click();
  const email = page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('A user with this email already exists.');
  await expect(email).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('A user with this email already exists.');
});

test('an expired session asks for the password again without losing what was typed', async ({ page }) => {
  const email = uniqueEmail('after-expiry');
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/');
  await openCreateUserForm(page);
  await fillCreateUserForm(page, { email, name: 'Irmak Expiry', password: 'Lale-Vapur-2026' });

  await page.context().clearCookies();
  await page.getByRole('button', { name: 'Create user' }).click();

  const dialog = page.getByRole('dialog', { name: /Your session has ended/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Email')).toHaveValue('admin@demo.edc');
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();
  await dialog.getByLabel('Password', { exact: true }).fill(demoPassword);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();

  // Same page, same form, same values: the route tree was never remounted.
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByLabel('Full name')).toHaveValue('Irmak Expiry');
  await expect(page.getByLabel('Role')).toHaveValue('coordinator');
  await expect(page.getByLabel(/S01/)).toBeChecked();
  await expect(page.getByLabel('Temporary password')).toHaveValue('Lale-Vapur-2026');

  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toContainText('Irmak Expiry was created');
  await expect(page.getByRole('row', { name: /Irmak Expiry/ })).toBeVisible();
});

test('a sign-in in another tab renews the token without losing the form', async ({ page, context }) => {
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/');
  await openCreateUserForm(page);
  await fillCreateUserForm(page, {
    email: uniqueEmail('two-tabs'),
    name: 'Jale Twotabs',
    password: 'Simit-Vapur-26',
  });

  // Another tab of the same browser signs out and in again: the session and its token change.
  const other = await context.newPage();
  await other.goto('/');
  await other.getByRole('button', { name: 'Sign out' }).click();
  await signIn(other, 'admin@demo.edc');
  await other.close();

  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('alert')).toContainText('save again');
  await expect(page.getByLabel('Full name')).toHaveValue('Jale Twotabs');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status')).toContainText('Jale Twotabs was created');
});

test('an admin edits, deactivates and reactivates a user, each with a reason', async ({ page }) => {
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/admin/users');
  const row = page.getByRole('row', { name: /Deniz Coordinator/ });

  await row.getByRole('button', { name: 'Edit Deniz Coordinator' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Deniz Coordinator' });
  await edit.getByLabel('Role').selectOption({ label: 'Investigator' });
  await edit.getByRole('button', { name: 'Save' }).click();
  // The reason is required and its error sits beside the field.
  await expect(edit.getByLabel('Reason for the change')).toHaveAttribute('aria-invalid', 'true');
  await edit.getByLabel('Reason for the change').fill('Promoted to sub-investigator at S02');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Investigator');

  await row.getByRole('button', { name: 'Deactivate Deniz Coordinator' }).click();
  const deactivate = page.getByRole('dialog', { name: 'Deactivate Deniz Coordinator' });
  await deactivate.getByLabel('Reason for the change').fill('Left the study team');
  await deactivate.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row).toContainText('Deactivated');

  await row.getByRole('button', { name: 'Reactivate Deniz Coordinator' }).click();
  const reactivate = page.getByRole('dialog', { name: 'Reactivate Deniz Coordinator' });
  await reactivate.getByLabel('Reason for the change').fill('Rejoined the study team');
  await reactivate.getByRole('button', { name: 'Reactivate' }).click();
  await expect(row).toContainText('Active');
});

test('an admin adds a site and renames it in place', async ({ page }) => {
  const code = `Z${String(Math.floor(Math.random() * 90) + 10)}`;
  await signInByApi(page, 'admin@demo.edc');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sites' }).click();

  await page.getByLabel('Site code').fill('bad');
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByLabel('Site code')).toHaveAttribute('aria-invalid', 'true');
  // The reason beside the field says what a site code looks like, not just "not in the expected form".
  await expect(page.getByLabel('Site code')).toHaveAccessibleDescription(
    /Use a capital letter and two digits, e\.g\. S03\./,
  );

  await page.getByLabel('Site code').fill(code);
  await page.getByLabel('Site name').fill('Gazi University Hospital');
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('status')).toContainText(`Site ${code} was added`);

  const row = page.getByRole('row', { name: new RegExp(code) });
  await row.getByRole('button', { name: `Rename ${code}` }).click();
  await row.getByLabel(`New name for site ${code}`).fill('Gazi University Faculty of Medicine Hospital');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('Gazi University Faculty of Medicine Hospital');
});
