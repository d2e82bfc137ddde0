// One place where a failed request becomes what the operator sees; the app sets the handler.
let handler = (error) => console.error(error.message);

export function onError(h) {
  handler = h;
}

export function reportError(error) {
  handler(error);
}
