import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { tapTarget } from '@/components/a11y'
import { formatPhone } from '@/domain/format-quantity'
import { INVALID_LEAD_RETENTION_MONTHS, LEAD_RETENTION_MONTHS, periodText } from '@/domain/retention'
import { useAgencyContact } from '@/features/home/hooks/useAgencyContact'
import { dial } from '@/features/contact/actions'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import '@/components/ui.scss'
import './index.scss'

/** Bump both when the notice's content changes; visitors see what they read and when. */
const PRIVACY_VERSION = '1.4'
const PRIVACY_UPDATED = '2026年12月1日'
const APP_VERSION = '0.1.0'

/** How long a lead and the contact-tap records are kept, at most: the purge job's defaults. */
const LEAD_RETENTION = periodText(LEAD_RETENTION_MONTHS)
/** How long a lead the agency marked 无效 (not a real need, unreachable…) is kept. */
const INVALID_LEAD_RETENTION = periodText(INVALID_LEAD_RETENTION_MONTHS)
/** How fast a deletion request is handled. */
const DELETION_DAYS = '15 个工作日'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='about-page__section'>
      <Text className='about-page__heading'>{title}</Text>
      {children}
    </View>
  )
}

/** A paragraph, optionally led by a bold label ("剪贴板："). */
const P = ({ lead, children }: { lead?: string; children: ReactNode }) => (
  <Text className='about-page__p'>
    {lead ? <Text className='about-page__lead'>{lead}：</Text> : null}
    {children}
  </Text>
)

/**
 * Who we are, and the privacy notice that PIPL Art. 17 asks for before anything is collected:
 * who handles the data, what, why, how long it is kept, and how to have it deleted.
 */
function AboutPage() {
  const { contact } = useAgencyContact()
  const agency = contact?.agencyName ?? '中国产业园区招商网'
  const hotline = contact ? formatPhone(contact.hotline) : null
  const reach = contact
    ? `拨打招商热线 ${hotline}，或添加微信 ${contact.wechatId}`
    : '拨打「我的」页面中的招商热线，或添加页面中的招商顾问微信'

  return (
    <View className='about-page'>
      <View className='ui-hero about-page__intro'>
        <Text className='ui-hero__agency'>{agency}</Text>
        <Text className='about-page__business'>产业招商 · 厂房/土地租售 · 企业注册落户</Text>
      </View>

      <Section title='关于我们'>
        <P>
          {agency}
          是一家专注上海及长三角产业园区的招商服务机构，主要业务包括产业招商、工业厂房和土地的租售，以及企业注册落户。我们为企业免费匹配合适的园区与房源，并协助看房、洽谈和办理落户手续。
        </P>
        {hotline ? (
          <Text
            className='about-page__call'
            {...tapTarget({ label: `拨打招商热线 ${hotline}` })}
            onClick={() => dial(contact!.hotline)}
          >
            招商热线 {hotline}（点击拨打）
          </Text>
        ) : null}
      </Section>

      <View className='about-page__title-row'>
        <Text className='about-page__title'>隐私政策</Text>
        <Text className='about-page__version'>
          版本 {PRIVACY_VERSION} · 更新日期 {PRIVACY_UPDATED}
        </Text>
      </View>

      <Section title='一、谁在处理您的信息'>
        <P>
          本小程序由{agency}
          （以下简称「我们」）运营，我们是您个人信息的处理者。对本政策有任何疑问，可{reach}。
        </P>
      </Section>

      <Section title='二、我们收集哪些信息'>
        <P lead='浏览园区和资讯'>
          无需登录，我们不收集您的姓名、手机号等个人信息。访问时微信平台会向我们的服务传递一个不含姓名和手机号的匿名标识（OpenID），仅用于保障服务安全（如防止恶意刷量），不用于识别您的身份。
        </P>
        <P lead='收藏与浏览记录'>
          只保存在您手机上的小程序本地缓存中，不会上传给我们。您可以在「最近浏览」中一键清空，或删除小程序来清除它们。
        </P>
        <P lead='访问来源统计'>
          为了解各推广渠道（如展会、海报上的二维码、转发的分享）带来了多少访问，我们会记录您每次打开小程序是扫码、分享还是直接进入、来自哪个渠道，以及您打开了哪个园区或文章的详情页和时间，与上述匿名标识关联；这些记录可随咨询一并删除。
        </P>
        <P lead='拨打电话和添加微信'>
          由您自己的手机和微信完成，我们不会获取您的通话记录、通讯录或微信资料。为了解哪些园区和文章更受关注，我们会记录您点击了哪个联系按钮（如拨打、复制微信号、查看二维码）、所在页面、时间和访问来源，与上述匿名标识关联；这些记录可随咨询一并删除。
        </P>
        <P lead='通讯录（仅写入）'>
          只有在您点击「存入通讯录」并在系统界面确认后，招商顾问的名片（姓名、手机号、微信号、公司）才会写入您的手机通讯录；我们不会读取您的通讯录。
        </P>
        <P lead='剪贴板'>
          只有在您点击「复制微信号」时，我们才会把招商顾问的微信号写入剪贴板，方便您粘贴添加；我们不会读取您剪贴板中的任何内容。
        </P>
        <P lead='留言咨询'>
          当您在「留言咨询」页主动填写并提交时，{agency}
          会收集您填写的：需求类型、面积、用途/行业、期望区域、年税收、公司、联系人、手机号和备注，以及您是从哪个园区或文章发起的咨询。其中需求类型、联系人和手机号必填，其余由您决定是否填写。提交前需要您勾选同意本政策。
        </P>
        <P lead='网络地址'>
          为防止恶意刷量，您提交咨询、点击联系按钮或产生访问记录时，我们会把您当时的网络地址（IP）经不可逆的加密摘要处理后用于频率限制，不保存地址本身；该摘要在
          24 小时后清除。
        </P>
        <P lead='草稿与待发送'>
          未提交的内容会作为草稿只保存在您手机上，提交后即清除；网络不稳定时，您已提交的咨询会先保存在手机上，网络恢复后自动发送给我们。
        </P>
      </Section>

      <Section title='三、收集信息的用途'>
        <P>
          您提交的需求信息仅用于为您匹配合适的园区与房源，并由招商顾问通过电话或微信与您联系、安排看房。我们不会将其用于其他用途，不会出售；未经您的单独同意，不会提供给园区方或其他第三方。
        </P>
      </Section>

      <Section title='四、保存期限'>
        <P>
          需求线索、联系按钮的点击记录和访问记录自提交之日起保存不超过 {LEAD_RETENTION}
          ；经核实无效的线索保存不超过 {INVALID_LEAD_RETENTION}
          。到期后由系统每日自动删除；您要求删除的，我们会提前删除。保存在您手机上的收藏和浏览记录，由您自行保留或清除。
        </P>
      </Section>

      <Section title='五、查阅、更正与删除'>
        <P lead='自助删除'>
          在「我的 -
          我的咨询」页点击「删除我的数据」，即可删除您通过本小程序提交的全部咨询和联系记录，并清除本机的草稿和待发送内容。
        </P>
        <P>
          您有权查阅、复制、更正或删除您的个人信息，也可以撤回同意。除自助删除外，您还可以{reach}
          ，说明您的请求；核实身份后，我们会在{DELETION_DAYS}内处理并告知结果。
        </P>
      </Section>

      <Section title='六、政策更新'>
        <P>
          本政策更新时，我们会在本页面公布新版本和更新日期；涉及收集范围或用途的重大变化，会在您提交信息前再次征得您的同意。
        </P>
      </Section>

      <Text className='about-page__footer'>
        园区招商小程序 v{APP_VERSION} · 隐私政策 v{PRIVACY_VERSION}（{PRIVACY_UPDATED}更新）
      </Text>
    </View>
  )
}

export default withPageBoundary(AboutPage)
