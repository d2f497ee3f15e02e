import { NEED_DESCRIPTION, reportProblem } from '../../src/domain/tickets/report';

const nothing = { emergency: false, description: '', photoCount: 0, hasVideo: false };

describe('reportProblem: a report needs a description, a photo or a video; an emergency needs none', () => {
  test('each of the three is enough on its own', () => {
    expect(reportProblem({ ...nothing, description: '卫生间灯不亮' })).toBeNull();
    expect(reportProblem({ ...nothing, photoCount: 1 })).toBeNull();
    expect(reportProblem({ ...nothing, hasVideo: true })).toBeNull();
  });
  test('none of them (blank text counts as none) is refused in Chinese', () => {
    expect(reportProblem(nothing)).toBe(NEED_DESCRIPTION);
    expect(reportProblem({ ...nothing, description: ' \n ' })).toBe(NEED_DESCRIPTION);
    expect(NEED_DESCRIPTION).toBe('请描述问题或上传图片、视频');
  });
  test('an emergency goes out with nothing', () => {
    expect(reportProblem({ ...nothing, emergency: true })).toBeNull();
  });
});
