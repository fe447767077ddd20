import { useState } from 'preact/hooks';
import { useT } from '../session.ts';

export function SignIn({ onSignIn }: { onSignIn: (token: string) => void }) {
  const t = useT();
  const [value, setValue] = useState('');
  return (
    <article class="sign-in">
      <h1>{t('signInTitle')}</h1>
      <p>{t('signInIntro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim()) onSignIn(value.trim());
        }}
      >
        <label>
          {t('token')}
          <input
            name="token"
            type="password"
            autoComplete="off"
            required
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
            aria-describedby="token-help"
          />
          <small id="token-help">{t('tokenHelp')}</small>
        </label>
        <button type="submit">{t('signIn')}</button>
      </form>
    </article>
  );
}
