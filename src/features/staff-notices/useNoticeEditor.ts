import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { AnnouncementView } from '@/domain/announcements-api'
import { ANNOUNCEMENT_STATUS_LABELS } from '@/domain/announcements'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { staffNoticesApi, type PublishOptions } from './api'
import { emptyDraft, fromNotice, liveErrors, shortfallOf, toInput, validate, type DraftForm } from './validate'
import { useNoticeImages } from './useNoticeImages'

/** A refused publication waiting for the author's reason (the notice-period rule). */
export interface OverridePrompt {
  publishAt?: string
  /** Refused while saving a change to a published notice (not while publishing). */
  save?: boolean
  shortfall: number
  message: string
}

export type Busy = 'save' | 'publish' | null

/** What the toast says after publish, by the status the backend answered. */
const PUBLISHED_TEXT: Record<string, string> = {
  published: '已发布',
  review: '已提交审核',
  scheduled: '已定时发布',
}

/** The create / edit form of a notice: load, check, save, publish (with the notice-period override). */
export function useNoticeEditor(announcementId?: string) {
  const [draft, setDraft] = useState<DraftForm>(emptyDraft)
  const [notice, setNotice] = useState<AnnouncementView | null>(null)
  const [id, setId] = useState<string | null>(announcementId ?? null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState<Busy>(null)
  const [override, setOverride] = useState<OverridePrompt | null>(null)
  const images = useNoticeImages()
  const busyRef = useRef(false)
  // One id for this new notice: a retried or double-tapped 保存 creates one draft.
  const requestId = useRef(newRequestId('notice'))

  const load = useCallback(async () => {
    if (!announcementId) return
    setLoadError(null)
    try {
      const n = await staffNoticesApi.get(announcementId)
      setNotice(n)
      setDraft(fromNotice(n))
      images.setExisting(n.images, n.files?.images ?? [])
    } catch (err) {
      setLoadError(errorMessage(err))
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [announcementId])

  useEffect(() => {
    void load()
  }, [load])

  const set = useCallback((patch: Partial<DraftForm>) => setDraft((d) => ({ ...d, ...patch })), [])
  const errors = submitted ? validate(draft) : liveErrors(draft)
  /** Only drafts (and new notices) can be published from here; others are saved in place. */
  const isDraft = !notice || notice.status === 'draft'

  /** Checks and saves (create or update); resolves the saved notice, or null when not saved. */
  async function save(override?: { reason: string }): Promise<AnnouncementView | null> {
    setSubmitted(true)
    const problems = validate(draft)
    if (Object.keys(problems).length) {
      void Taro.showToast({ title: Object.values(problems)[0]!, icon: 'none' })
      return null
    }
    if (images.uploading || images.failed) {
      void Taro.showToast({ title: images.uploading ? '图片正在上传，请稍候' : '有图片上传失败，请重试或删除', icon: 'none' })
      return null
    }
    // Attachments cannot be edited here; the ones the notice has are kept as they are.
    const input = { ...toInput(draft, images.fileIDs), attachments: notice?.files?.attachments ?? [] }
    const saved = id ? await staffNoticesApi.update(id, input, override) : await staffNoticesApi.create(input, requestId.current)
    setId(saved.announcementId)
    setNotice(saved)
    return saved
  }

  async function run<T>(kind: Exclude<Busy, null>, fn: () => Promise<T>): Promise<T | undefined> {
    if (busyRef.current) return undefined
    busyRef.current = true
    setBusy(kind)
    try {
      return await fn()
    } finally {
      busyRef.current = false
      setBusy(null)
    }
  }

  /** 保存草稿 / 保存修改 */
  const saveOnly = (override?: { reason: string }) =>
    run('save', async () => {
      try {
        const saved = await save(override)
        setOverride(null)
        // A desk change to a published notice waits for a supervisor (the published version stays).
        if (saved) void Taro.showToast({ title: saved.revision ? '修改已提交主管审核' : isDraft ? '草稿已保存' : '已保存修改', icon: saved.revision ? 'none' : 'success' })
      } catch (err) {
        // Moving a live interruption inside its notice period: ask for the reason, as publishing does.
        const shortfall = shortfallOf(err)
        if (shortfall !== null && !override) {
          setOverride({ save: true, shortfall, message: errorMessage(err) })
          return
        }
        void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      }
    })

  /** 发布 / 提交审核 / 定时发布; a notice-period refusal opens the override prompt instead. */
  const publish = (opts: PublishOptions = {}) =>
    run('publish', async () => {
      let savedId: string | null
      try {
        savedId = opts.override && id ? id : ((await save())?.announcementId ?? null)
      } catch (err) {
        void Taro.showToast({ title: errorMessage(err), icon: 'none' })
        return
      }
      if (!savedId) return
      try {
        const res = await staffNoticesApi.publish(savedId, opts)
        setOverride(null)
        void Taro.showToast({ title: PUBLISHED_TEXT[res.status] ?? ANNOUNCEMENT_STATUS_LABELS[res.status], icon: 'success' })
        void Taro.redirectTo({ url: `/staff/notice/index?id=${encodeURIComponent(res.announcementId)}` })
      } catch (err) {
        const shortfall = shortfallOf(err)
        if (shortfall !== null && !opts.override) {
          setOverride({ ...(opts.publishAt ? { publishAt: opts.publishAt } : {}), shortfall, message: errorMessage(err) })
          return
        }
        void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      }
    })

  return {
    draft,
    set,
    errors,
    notice,
    id,
    isDraft,
    loading: !!announcementId && !notice && !loadError,
    loadError,
    reload: load,
    images,
    busy,
    saveOnly,
    publish,
    override,
    /** Resends the refused publication with the author's reason. */
    confirmOverride: (reason: string) =>
      override?.save ? saveOnly({ reason }) : publish({ ...(override?.publishAt ? { publishAt: override.publishAt } : {}), override: { reason } }),
    cancelOverride: () => setOverride(null),
  }
}
