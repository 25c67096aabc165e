import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { buildLock } from './integrations/build-lock.ts';
import { contractFiles } from './integrations/contract-files.mjs';
import { sitePathsFromEnv } from './src/data/site-paths.ts';

// Bundled page modules cannot find the repository from their own URL; tell them where it is.
const root = fileURLToPath(new URL('..', import.meta.url));
process.env.KLARMELD_ROOT ??= root;
const paths = sitePathsFromEnv();

/** A sidebar link to a generated index page, in both languages. Long lists stay on those pages. */
const link = (label, en, path) => ({ label, translations: { en }, link: path });

export default defineConfig({
  site: 'https://klarmeld.example',
  trailingSlash: 'always',
  integrations: [
    // First, so no other integration's setup writes before this build has the site to itself.
    buildLock(),
    starlight({
      title: 'klarmeld',
      description: 'Katalog, kontrakter, test og klarmelding for den fælleskommunale infrastruktur',
      defaultLocale: 'root',
      locales: { root: { label: 'Dansk', lang: 'da' }, en: { label: 'English', lang: 'en' } },
      customCss: ['./src/styles/klarmeld.css'],
      components: {
        Header: './src/overrides/Header.astro',
        LanguageSelect: './src/overrides/LanguageSelect.astro',
        ThemeSelect: './src/overrides/ThemeSelect.astro',
      },
      lastUpdated: false,
      pagination: false,
      sidebar: [
        { label: 'Guider', translations: { en: 'Guides' }, items: [{ autogenerate: { directory: 'guider' } }] },
        {
          label: 'Katalog',
          translations: { en: 'Catalogue' },
          items: [
            link('Integrationer', 'Integrations', '/integrationer/'),
            link('Ydelsesområder', 'Service areas', '/ydelsesomraader/'),
            link('Integrationspakker', 'Integration packages', '/pakker/'),
            link('Leverandører', 'Suppliers', '/leverandoerer/'),
            link('Systemer', 'Systems', '/systemer/'),
            link('Klarmeldingsmatrix', 'Onboarding matrix', '/klarmelding/'),
          ],
        },
      ],
    }),
    contractFiles({ dir: paths.contractsDir }),
  ],
  // Thousands of generated pages: small stylesheets as files, cached once, not inlined in every page.
  build: { inlineStylesheets: 'never' },
  vite: { server: { fs: { allow: [root] } } },
});
