// The interface languages written in a script of their own (the others are in Latin letters): a
// translation into one of them must be in that script.
export const OWN_SCRIPT: Readonly<Record<string, RegExp>> = {
  th: /\p{Script=Thai}/u,
  km: /\p{Script=Khmer}/u,
  lo: /\p{Script=Lao}/u,
  my: /\p{Script=Myanmar}/u,
  zh: /\p{Script=Han}/u,
};
