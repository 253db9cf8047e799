// Loaded into Cockpit, Tasklist, Admin and Welcome by their config.js (customScripts).
//
// Camunda's "Log out" ends only Camunda's own part of the session and then shows Camunda's login
// form, which the shop does not use: staff sign in at the shop's identity provider, which would sign
// them straight back in. So when a webapp turns to its login view, this ends the orchestrator's
// session (POST /camunda/sign-out) and sends the browser where the answer says: the provider's
// sign-out (OpenID Connect RP-initiated logout), which comes back to the webapps, where the next
// person must enter a password.
const signOut = new URL('../../sign-out', import.meta.url);

async function leaveTheLoginView() {
  if (!window.location.hash.startsWith('#/login')) return;
  const answer = await fetch(signOut, { method: 'POST', headers: { Accept: 'application/json' } });
  const { location } = await answer.json();
  window.location.assign(location);
}

window.addEventListener('hashchange', leaveTheLoginView);
leaveTheLoginView();

export default [];
