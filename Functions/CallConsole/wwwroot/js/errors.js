// One place where a failed request becomes what the operator sees; the app sets the handlers.
let show = (error) => console.error(error.message);
let clear = () => {};

export function onError(showError, clearShownError) {
  show = showError;
  clear = clearShownError;
}

export function reportError(error) {
  show(error);
}

export function clearError() {
  clear();
}
