import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

// i18n: Starlight's Danish translation lacks Expressive Code's words (copy button, terminal frame),
// which would otherwise show in English on every Danish page with a code block. en.json repeats
// Expressive Code's English words: without it the English pages fall back to the root locale's.
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
