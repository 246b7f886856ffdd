'use strict';
// Preloaded (`--require`) into a bot process under test: every `process.binding()` call becomes a
// DEP0111 DeprecationWarning, as Node's --pending-deprecation would make it. That flag itself
// cannot be used on Node 20: it also turns botbuilder's node-fetch 2 (punycode, DEP0040, silent
// for node_modules code from Node 22 on) into a warning that no update of ours can remove.
const binding = process.binding;
process.binding = function deprecatedBinding(name) {
  process.emitWarning(`process.binding('${name}') is deprecated`, 'DeprecationWarning', 'DEP0111');
  return binding.call(process, name);
};
