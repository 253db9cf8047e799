// The shop's settings of Tasklist (Camunda's own file, replaced on the classpath).
export default {
  // "Log out" also ends the sign-in at the shop's identity provider
  customScripts: ['../sagashop/sign-out'],

  // Camunda's defaults, kept
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' },
  },
};
