/**
 * jsdom has `<dialog>` but not its methods: enough of them for components that open a modal
 * dialog (`showModal`) and close it (`close`, which fires `close`). Call in a test file that
 * renders one.
 */
export function polyfillDialog(): void {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { __polyfilled?: boolean }
  if (proto.__polyfilled) return
  proto.__polyfilled = true
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  proto.show = proto.showModal
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}
