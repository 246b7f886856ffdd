import { LOCALES } from '../../src/i18n';
import { createQnaService } from '../../src/qna';

describe('every Q&A entry cites its source', () => {
  const service = createQnaService();

  it.each(LOCALES)('resolves a document, section and public URL in %s', (locale) => {
    for (const id of service.entryIds()) {
      const answer = service.byId(id, locale);
      expect(answer).toBeDefined();
      for (const { docTitle, sectionTitle, url } of answer!.sources) {
        expect({
          id,
          docTitle: docTitle.length > 0,
          sectionTitle: sectionTitle.length > 0,
        }).toEqual({
          id,
          docTitle: true,
          sectionTitle: true,
        });
        expect(new URL(url).protocol).toBe('https:');
        // An untranslated key would come back as the key itself.
        expect(docTitle).not.toMatch(/^sources:|^docs\./);
      }
    }
  });
});
