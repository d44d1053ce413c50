import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AgencyContact } from '@/domain/agency'
import type { Article } from '@/domain/article'
import { contentIssues, mediaRefs, rewriteMedia } from '@/domain/content-schemas'
import type { Park } from '@/domain/park'
import { arrayElementLines, formatProblem, loadContent } from '../../scripts/content/files'

const root = join(__dirname, '..', '..')
const mock = <T>(file: string): T => JSON.parse(readFileSync(join(root, 'mock', file), 'utf8')) as T
const park: Park = mock<Park[]>('parks.json')[0]
const article: Article = mock<Article[]>('articles.json')[0]
const agency: AgencyContact = mock<AgencyContact>('agency.json')

const issues = (kind: 'park' | 'article' | 'agency', record: unknown) =>
  contentIssues(kind, record).map((i) => `${i.field}: ${i.message}${i.warning ? ' [warning]' : ''}`)

describe('content schemas: parks', () => {
  it('accepts every mock park, and the optional status / featuredOrder', () => {
    for (const p of mock<Park[]>('parks.json')) expect([p.id, issues('park', p)]).toEqual([p.id, []])
    expect(issues('park', { ...park, status: 'withdrawn', featuredOrder: 0 })).toEqual([])
    expect(issues('park', { ...park, status: 'let', featuredOrder: 999 })).toEqual([])
  })

  it.each([
    [
      'id',
      { id: 'P-1' },
      'id: 园区编号须为 p 加 1–15 位小写字母或数字，如 p012 (must be p + 1–15 of [0-9a-z])',
    ],
    ['missing name', { name: undefined }, 'name: 缺少必填字段 (missing required field)'],
    ['blank name', { name: '  ' }, 'name: 名称不能为空 (must not be empty)'],
    [
      'district',
      { district: 'mars' },
      'district: 区域只能是 songjiang/jiading/qingpu/fengxian/jinshan/minhang/baoshan/pudong/xuancheng (unknown district)',
    ],
    [
      'type',
      { type: 'shop' },
      'type: 类型只能是 factory/land/office/warehouse/registration (unknown listing type)',
    ],
    ['deal', { deal: 'lease' }, 'deal: 租售方式只能是 rent 或 sale (deal must be rent or sale)'],
    ['negative area', { areaMin: -1 }, 'areaMin: 最小面积不能为负数 (must not be negative)'],
    [
      'area order',
      { areaMin: 9000, areaMax: 100 },
      'areaMin: 最小面积不能大于最大面积 (areaMin must not exceed areaMax)',
    ],
    [
      'price unit of the deal (priceProblem)',
      { price: { value: 1, unit: 'yuan_m2' } },
      'price.unit: 出租价格单位须为 yuan_m2_day（元/m²/天），出售须为 yuan_m2（元/m²） (rent is priced in yuan_m2_day, sale in yuan_m2)',
    ],
    [
      'price shape',
      { price: 12 },
      'price: 价格须为 { value, unit } 或 null（面议） (must be { value, unit } or null (negotiable))',
    ],
    [
      'price value',
      { price: { value: 'x', unit: 'yuan_m2_day' } },
      'price.value: 价格必须是数字 (must be a number)',
    ],
    [
      'unknown price unit',
      { price: { value: 1, unit: 'yuan' } },
      'price.unit: 价格单位只能是 yuan_m2_day 或 yuan_m2 (unit must be yuan_m2_day or yuan_m2)',
    ],
    [
      'cover path',
      { cover: 'parks/x.png' },
      'cover: 封面须为 /media/ 下的路径、https:// 或 cloud:// 地址 (must be a /media/ path, an https:// URL or a cloud:// file id)',
    ],
    [
      'cover dot segment',
      { cover: '/media/../x.png' },
      'cover: 封面须为 /media/ 下的路径、https:// 或 cloud:// 地址 (must be a /media/ path, an https:// URL or a cloud:// file id)',
    ],
    [
      'photo',
      { photos: ['/media/a.png', 'http://x/y.png'] },
      'photos[1]: 照片须为 /media/ 下的路径、https:// 或 cloud:// 地址 (must be a /media/ path, an https:// URL or a cloud:// file id)',
    ],
    [
      'updatedAt offset',
      { updatedAt: '2026-11-20T02:30:00Z' },
      'updatedAt: 更新时间须为北京时间 ISO 格式，如 2026-11-20T10:30:00+08:00 (must be ISO 8601 with +08:00)',
    ],
    ['views', { views: 1.5 }, 'views: 浏览量必须是整数 (must be an integer)'],
    ['flag', { featured: 'yes' }, 'featured: 推荐必须是 true 或 false (must be true or false)'],
    [
      'latitude',
      { location: { latitude: 91, longitude: 121 } },
      'location.latitude: 纬度超出范围 (out of range)',
    ],
    ['highlight', { highlights: ['层高10米', ''] }, 'highlights[1]: 亮点不能为空 (must not be empty)'],
    [
      'status',
      { status: 'sold' },
      'status: 状态只能是 available/let/withdrawn (status must be available, let or withdrawn)',
    ],
    [
      'featuredOrder range',
      { featuredOrder: 1000 },
      'featuredOrder: 推荐顺序须在 0–999 之间 (must be 0–999)',
    ],
    [
      'featuredOrder integer',
      { featuredOrder: 1.5 },
      'featuredOrder: 推荐顺序必须是整数 (must be an integer)',
    ],
    [
      'unknown field',
      { featureOrder: 1 },
      'featureOrder: 未知字段，请检查拼写 (unknown field, check the spelling)',
    ],
  ])('%s', (_name, patch, expected) => {
    const record: Record<string, unknown> = { ...park, ...patch }
    for (const [k, val] of Object.entries(patch)) if (val === undefined) delete record[k]
    expect(issues('park', record)).toEqual([expected])
  })

  it('a record that is not an object is one problem', () => {
    expect(issues('park', [1])).toEqual([': 必须是 JSON 对象 (must be a JSON object)'])
  })

  it('warns (without failing) when the sanitiser would change the HTML', () => {
    const result = contentIssues('park', { ...park, description: '<p onclick="x()">厂房</p>' })
    expect(result).toEqual([
      {
        field: 'description',
        message:
          '警告：HTML 含有会被清理掉的标签或属性，页面显示将与原文不同 (warning: the sanitiser changes this HTML, the page will differ)',
        warning: true,
      },
    ])
  })
})

describe('content schemas: articles and the agency card', () => {
  it('accepts every mock article and the optional featured / hidden flags', () => {
    for (const a of mock<Article[]>('articles.json')) expect([a.id, issues('article', a)]).toEqual([a.id, []])
    expect(issues('article', { ...article, featured: true, hidden: false })).toEqual([])
    expect(issues('agency', agency)).toEqual([])
  })

  it.each([
    ['id', { id: 'a b' }, 'id: 文章编号只能用字母、数字、- 和 _，最多 64 位 (must be 1–64 of [A-Za-z0-9_-])'],
    ['title', { title: '' }, 'title: 标题不能为空 (must not be empty)'],
    ['category', { category: 'news' }, 'category: 分类只能是 park-news/policy/guide (unknown category)'],
    [
      'publishedAt',
      { publishedAt: '2026-11-18' },
      'publishedAt: 发布时间须为北京时间 ISO 格式，如 2026-11-20T10:30:00+08:00 (must be ISO 8601 with +08:00)',
    ],
    ['tags', { tags: 'x' }, 'tags: 标签必须是文本数组 (must be an array of strings)'],
    ['hidden', { hidden: 1 }, 'hidden: 隐藏必须是 true 或 false (must be true or false)'],
    ['featured', { featured: 'true' }, 'featured: 推荐必须是 true 或 false (must be true or false)'],
    [
      'body warning',
      { body: '<p>正文</p><script>alert(1)</script>' },
      'body: 警告：HTML 含有会被清理掉的标签或属性，页面显示将与原文不同 (warning: the sanitiser changes this HTML, the page will differ) [warning]',
    ],
  ])('article %s', (_name, patch, expected) => {
    expect(issues('article', { ...article, ...patch })).toEqual([expected])
  })

  it.each([
    ['hotline', { hotline: '400-012' }, 'hotline: 热线格式不正确，如 4000123021 (must look like 4000123021)'],
    [
      'mobile',
      { mobiles: [{ number: '12345', wechatOnly: false }] },
      'mobiles[0].number: 手机号格式不正确，如 13524678515 (must look like 13524678515)',
    ],
    ['no mobiles', { mobiles: [] }, 'mobiles: 至少要有一个手机号 (at least one mobile)'],
    [
      'wechatQr',
      { wechatQr: 'qr.png' },
      'wechatQr: 微信二维码须为 /media/ 下的路径、https:// 或 cloud:// 地址 (must be a /media/ path, an https:// URL or a cloud:// file id)',
    ],
    ['missing agentName', { agentName: undefined }, 'agentName: 缺少必填字段 (missing required field)'],
  ])('agency %s', (_name, patch, expected) => {
    const record: Record<string, unknown> = { ...agency, ...patch }
    for (const [k, val] of Object.entries(patch)) if (val === undefined) delete record[k]
    expect(issues('agency', record)).toEqual([expected])
  })
})

describe('media references', () => {
  const withHtml = {
    ...park,
    photos: ['/media/a.png', 'https://cdn.example.com/b.png', '/media/c.png'],
    description: '<p>x</p><img src="/media/d.png" alt="d"><img src="cloud://env.1/e.png">',
  }

  it('lists /media/ paths of cover, photos and HTML images with their fields', () => {
    expect(mediaRefs('park', withHtml)).toEqual([
      { field: 'cover', path: park.cover },
      { field: 'photos[0]', path: '/media/a.png' },
      { field: 'photos[2]', path: '/media/c.png' },
      { field: 'description', path: '/media/d.png' },
    ])
    expect(mediaRefs('agency', agency)).toEqual([{ field: 'wechatQr', path: '/media/agent-wechat-qr.png' }])
  })

  it('rewrites each of them and nothing else', () => {
    const out = rewriteMedia('park', withHtml, (p) => `cloud://env.1${p}`)
    expect(out.photos).toEqual([
      'cloud://env.1/media/a.png',
      'https://cdn.example.com/b.png',
      'cloud://env.1/media/c.png',
    ])
    expect(out.cover).toBe(`cloud://env.1${park.cover}`)
    expect(out.description).toBe(
      '<p>x</p><img src="cloud://env.1/media/d.png" alt="d"><img src="cloud://env.1/e.png">',
    )
    expect(withHtml.photos[0]).toBe('/media/a.png')
  })
})

describe('line of each record in a JSON array', () => {
  it('finds pretty-printed, compact and nested elements, ignoring brackets inside strings', () => {
    const text = [
      '[',
      '  {',
      '    "id": "a", "body": "<p>[{ , }]</p> \\" ["',
      '  },',
      '  { "id": "b", "tags": [1, 2,',
      '   3] },',
      '',
      '  {"id": "c"}, {"id": "d"}',
      ']',
    ].join('\n')
    expect(JSON.parse(text)).toHaveLength(4)
    expect(arrayElementLines(text)).toEqual([2, 5, 8, 8])
    expect(arrayElementLines('[]')).toEqual([])
    expect(arrayElementLines('[\n1,\n2\n]')).toEqual([2, 3])
  })
})

describe('line numbers in content files', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'content-lines-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const problems = () => loadContent(dir, 'c').problems.map(formatProblem)
  const article = (patch: Partial<Article>) =>
    JSON.stringify({
      ...mock<Article[]>('articles.json')[1],
      cover: 'https://cdn.example.com/c.png',
      ...patch,
    })

  it('JSON Lines: the line in the file, blank lines counted', () => {
    writeFileSync(
      join(dir, 'articles.jsonl'),
      [
        article({ id: 'a1' }),
        '',
        article({ id: 'a2', title: '' }),
        '   ',
        article({ id: 'a3', category: 'x' as never }),
      ].join('\n'),
    )
    expect(problems()).toEqual([
      'c/articles.jsonl:3 title: 标题不能为空 (must not be empty)',
      'c/articles.jsonl:5 category: 分类只能是 park-news/policy/guide (unknown category)',
    ])
  })

  it('JSON array: the line where the record starts; a syntax error: the line V8 points at', () => {
    const records = [{ id: 'a1' }, { id: 'a2', title: '' }].map((p) => JSON.parse(article(p)) as Article)
    const text = JSON.stringify(records, null, 2)
    writeFileSync(join(dir, 'articles.json'), text)
    const second = text.split('\n').findIndex((l, i) => i > 1 && l === '  {') + 1
    expect(second).toBeGreaterThan(2)
    expect(problems()).toEqual([`c/articles.json:${second} title: 标题不能为空 (must not be empty)`])
    writeFileSync(join(dir, 'articles.json'), '[\n  {"id": "a1"},\n  {"id": "a2"\n  ,]\n')
    expect(problems()).toEqual(['c/articles.json:4: JSON 格式错误，无法解析 (invalid JSON)'])
    // V8 names no position for an unexpected token: the first element that does not parse.
    writeFileSync(
      join(dir, 'articles.json'),
      '[\n  {"id": "a1"},\n  {\n    "id": \'a2\'\n  },\n  {"id": "a3"}\n]\n',
    )
    expect(problems()).toEqual(['c/articles.json:3: JSON 格式错误，无法解析 (invalid JSON)'])
  })
})
