/** A ticket's attached video, resident and staff detail, from the compiled mini-program. */
const { createHarness } = require('./harness')
const { COMMUNITY, home, staff, ticket } = require('./fixtures')

const VIDEO = 'https://linli-local.tcb.example/uploads/o-resident-01/leak.mp4'

let h
beforeAll(() => {
  h = createHarness({
    answers: {
      // A resident who also works for the property: both detail pages are allowed.
      me: { openid: 'o-resident-01', homes: [home({ phoneMasked: '13800000001' })], staff: staff(['engineer']), community: COMMUNITY },
      get: (d) => ticket({ ticketId: d.ticketId, description: '', videoUrl: d.ticketId === 't-v' ? VIDEO : undefined }),
    },
  })
})

/** The first object in the page's setData tree that matches. */
function find(tree, match) {
  if (!tree || typeof tree !== 'object') return undefined
  if (match(tree)) return tree
  for (const v of Object.values(tree)) {
    const hit = find(v, match)
    if (hit) return hit
  }
  return undefined
}

const videos = (comp) => comp.querySelectorAll('.ticket-video__player')

describe('ticket video (dist/weapp)', () => {
  it('the resident’s detail renders a <video> with the ticket’s videoUrl', async () => {
    const comp = await h.render('pages/ticket/index', 600, { id: 't-v' })
    await h.waitForText(comp, '问题详情')
    const v = videos(comp)
    expect(v.length).toBe(1)
    const el = v[0].dom
    expect(el.tagName.toLowerCase()).toContain('video')
    // The rendered tree carries no properties: the src is in the page's data (Taro's short keys).
    const node = find(comp.instance.data, (n) => Object.values(n).includes(VIDEO))
    expect(node && node.cl).toBe('ticket-video__player')
  })

  it('the staff detail shows it too, and no player without a video', async () => {
    let comp = await h.render('staff/ticket/index', 600, { id: 't-v' })
    await h.waitForText(comp, '报事信息')
    expect(videos(comp).length).toBe(1)
    comp = await h.render('pages/ticket/index', 600, { id: 't-1' })
    await h.waitForText(comp, '问题详情')
    expect(videos(comp).length).toBe(0)
  })
})
