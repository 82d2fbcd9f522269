// Signing in from the headless UI tests. Every area's flow test signs its demo accounts in
// the same ways, so they live here once: through the account page as a person would, or
// straight through the session when the test is about another screen.
#pragma once
#include <string>

#include "headless.h"

// Taps a field by its hint, empties it as a person would (End, then backspace) and types
// `text`: the sign-in page keeps the last login typed.
void retype(HeadlessUi& ui, const std::string& hint, const std::string& text);

// Fills the account page's sign-in form (already on screen) and taps 登录; does not wait.
void fill_sign_in(HeadlessUi& ui, const std::string& login, const std::string& password);

// Signs whoever is signed in out, opens the account page and signs `login` in with the demo
// password (huigong123); fails the test unless the profile page appears.
void sign_in(HeadlessUi& ui, const std::string& login);

// Signs `login` in through the session alone (no screens); fails the test unless it worked.
void session_sign_in(HeadlessUi& ui, const std::string& login);
