// Applies the theme before the first paint: a blocking classic script in <head>, external
// because the production CSP allows no inline script. It must stay tiny and never throw.
//
// Who is signed in comes from the session token's payload (cameleer3:session-token, the
// middle part of the JWT): the user's choice is stored per tenant and user by
// src/lib/theme/theme-store.ts under cameleer3:tenant:<tenant>:theme as
// {"state":{"choices":{"<sub>":"light"|"dark"|"system"}}}. With no session (the sign-in page)
// the last choice made on this browser (cameleer3:theme-last) is used. Anything unreadable
// follows the system. Keep in step with src/lib/theme/theme.ts.
/* global window, document, atob, TextDecoder */
;(function () {
  var choice = null
  try {
    var storage = window.localStorage
    var token = storage.getItem('cameleer3:session-token')
    if (token) {
      var part = token.split('.')[1] || ''
      var binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'))
      var bytes = new Uint8Array(binary.length)
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
      var claims = JSON.parse(new TextDecoder().decode(bytes))
      if (claims && typeof claims.tenant === 'string' && typeof claims.sub === 'string') {
        var stored = JSON.parse(storage.getItem('cameleer3:tenant:' + claims.tenant + ':theme'))
        var choices = stored && stored.state && stored.state.choices
        if (choices && Object.prototype.hasOwnProperty.call(choices, claims.sub)) {
          choice = choices[claims.sub]
        }
      }
    } else {
      choice = storage.getItem('cameleer3:theme-last')
    }
  } catch {
    choice = null
  }
  var dark = choice === 'dark'
  if (choice !== 'dark' && choice !== 'light') {
    try {
      dark = window.matchMedia('(prefers-color-scheme: dark)').matches
    } catch {
      dark = false
    }
  }
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light')
})()
