type Theme = 'auto' | 'dark' | 'light';

declare const StarlightThemeProvider: { updatePickers(theme?: Theme): void };

/** Key in localStorage where Starlight keeps the reader's theme. */
const storageKey = 'starlight-theme';
const parseTheme = (theme: unknown): Theme => (theme === 'dark' || theme === 'light' ? theme : 'auto');
const loadTheme = (): Theme => parseTheme(typeof localStorage !== 'undefined' && localStorage.getItem(storageKey));
const preferred = (): Theme => (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');

function onThemeChange(theme: Theme): void {
  StarlightThemeProvider.updatePickers(theme);
  document.documentElement.dataset.theme = theme === 'auto' ? preferred() : theme;
  if (typeof localStorage !== 'undefined') localStorage.setItem(storageKey, theme === 'auto' ? '' : theme);
}

/** Behaves as Starlight's own theme picker: stores the choice and follows the system when on auto. */
export function attachThemeSelect(): void {
  matchMedia('(prefers-color-scheme: light)').addEventListener('change', () => {
    if (loadTheme() === 'auto') onThemeChange('auto');
  });
  customElements.define(
    'starlight-theme-select',
    class extends HTMLElement {
      constructor() {
        super();
        onThemeChange(loadTheme());
        this.querySelector('select')?.addEventListener('change', (event) => {
          onThemeChange(parseTheme((event.currentTarget as HTMLSelectElement).value));
        });
      }
    },
  );
}
