import { View } from '@tarojs/components'
import { ExportPanel } from '@/features/export/components/ExportPanel'
import { withPageBoundary } from '@/components/PageErrorBoundary'
import '@/components/ui.scss'

/** 导出线索 (staff subpackage, owners): a thin screen over the export feature. */
function ExportPage() {
  return (
    <View className='export-page'>
      <ExportPanel />
    </View>
  )
}

export default withPageBoundary(ExportPage)
