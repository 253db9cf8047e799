// The shop's settings of this Camunda webapp (Camunda's own file, replaced on the classpath).
export default {
  // "Log out" also ends the sign-in at the shop's identity provider
  customScripts: ['../sagashop/sign-out'],
};
