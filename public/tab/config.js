// The configurable tab's setup page: nothing to choose, so the tab is valid at once and saving
// points Teams at /tab. Teams passes the channel or chat to /tab through getContext().
/* global microsoftTeams, BrugTab */
(async () => {
  'use strict';
  const status = document.getElementById('status');
  const context = await BrugTab.teamsContext();
  const lang = BrugTab.resolveLang(
    context ? context.app.locale : new URLSearchParams(location.search).get('lang'),
  );
  const strings = await BrugTab.loadStrings(lang).catch(() => undefined);
  if (strings) BrugTab.applyText(strings, lang);
  const say = (key) => (status.textContent = strings ? BrugTab.text(strings, key) : key);
  if (!context) {
    say('config.outsideTeams');
    return;
  }
  BrugTab.followTheme(context);
  microsoftTeams.pages.config.registerOnSaveHandler((saveEvent) => {
    microsoftTeams.pages.config
      .setConfig({
        entityId: 'brugbot-plan',
        contentUrl: `${location.origin}/tab`,
        suggestedDisplayName: strings ? BrugTab.text(strings, 'config.tabName') : 'Brugbot',
      })
      .then(() => saveEvent.notifySuccess())
      .catch((error) =>
        saveEvent.notifyFailure(String(error && error.message ? error.message : error)),
      );
  });
  microsoftTeams.pages.config.setValidityState(true);
  say('config.ready');
})();
