// The park row of the mini program's lists as a native component (issue 10 item 3): the page
// sends one `c` object per row (the texts it shows, already formatted) instead of Taro's node
// tree, so loading more parks costs about the rows' own JSON in setData. The tree and classes
// are ParkCard.tsx's; the styles are the app's and page's (addGlobalClass), so both look the same.
Component({
  options: { addGlobalClass: true },
  properties: {
    c: { type: Object, value: {} },
  },
  methods: {
    open() {
      this.triggerEvent('open')
    },
  },
})
