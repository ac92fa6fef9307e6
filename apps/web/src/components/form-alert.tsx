/** The general message of a form; role="alert" is announced as soon as it is inserted. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert alert-error">
      {message}
    </div>
  );
}

/**
 * A polite confirmation ("User created.") after a successful action. The live region stays in
 * the DOM so the change of its text is announced.
 */
export function StatusNotice({ message }: { message: string | null }) {
  return (
    <div role="status" className={message ? 'alert alert-ok' : 'alert-empty'}>
      {message ?? null}
    </div>
  );
}
